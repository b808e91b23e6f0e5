import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseLevel } from "../../lib/attempts/choose-level";

const levels = [
  { id: "disk-full", category: "filesystem" },
  { id: "slow-query", category: "database" },
  { id: "pool-exhausted", category: "database" },
  { id: "upload-limit", category: "proxy" },
];
const seq =
  (...xs: number[]) =>
  () =>
    xs.shift() ?? 0;

test("never deals a level already passed while others remain", () => {
  for (let i = 0; i < 50; i++) {
    const pick = chooseLevel({
      levels,
      passedLevelIds: new Set(["disk-full", "slow-query", "upload-limit"]),
      practiceByCategory: new Map(),
      random: Math.random,
    });
    assert.equal(pick?.id, "pool-exhausted");
  }
});

test("favours categories the player has not practised", () => {
  const practice = new Map([
    ["database", 3],
    ["proxy", 1],
  ]);
  const pick = chooseLevel({ levels, passedLevelIds: new Set(), practiceByCategory: practice, random: seq(0.99) });
  assert.equal(pick?.id, "disk-full", "filesystem was never tried");
});

test("among equally practised categories the random source decides", () => {
  const practice = new Map([
    ["filesystem", 1],
    ["database", 1],
    ["proxy", 1],
  ]);
  const ids = [0, 0.3, 0.6, 0.9].map(
    (r) => chooseLevel({ levels, passedLevelIds: new Set(), practiceByCategory: practice, random: seq(r) })?.id,
  );
  assert.deepEqual(ids, ["disk-full", "slow-query", "pool-exhausted", "upload-limit"]);
});

test("a random source returning 1 still yields a level", () => {
  assert.ok(chooseLevel({ levels, passedLevelIds: new Set(), practiceByCategory: new Map(), random: () => 1 }));
});

test("when everything is passed, any level may be replayed", () => {
  const pick = chooseLevel({
    levels,
    passedLevelIds: new Set(levels.map((l) => l.id)),
    practiceByCategory: new Map(),
    random: seq(0),
  });
  assert.ok(pick);
});

test("no levels: nothing to deal", () => {
  assert.equal(chooseLevel({ levels: [], passedLevelIds: new Set(), practiceByCategory: new Map() }), undefined);
});
