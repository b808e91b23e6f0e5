import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseCertificationSeed } from "../../lib/attempts/choose-certification-seed";
import { resolveParams } from "../../lib/levels/params";

const specs = { table: { choose: ["products", "users"] } };

function seeds(list: string[]) {
  let i = 0;
  return () => list[i++ % list.length]!;
}

test("a certification seed is unused and deals parameters the player has not trained on", () => {
  // Find two seeds that deal different tables.
  const all = Array.from({ length: 40 }, (_, i) => `s${i}`);
  const products = all.filter((s) => resolveParams(specs, s).table === "products");
  const users = all.filter((s) => resolveParams(specs, s).table === "users");
  assert.ok(products.length >= 2 && users.length >= 1);
  const trained = products[0]!;
  const { seed, fresh } = chooseCertificationSeed({
    specs,
    usedSeeds: new Set([trained]),
    trainedParams: [resolveParams(specs, trained)],
    // The source offers the used seed, then another "products" one, then a "users" one.
    newSeed: seeds([trained, products[1]!, users[0]!]),
  });
  assert.equal(seed, users[0]);
  assert.equal(fresh, true);
  assert.notDeepEqual(resolveParams(specs, seed), resolveParams(specs, trained));
});

test("when every variant was trained on, still a seed never dealt before", () => {
  const { seed, fresh } = chooseCertificationSeed({
    specs: {},
    usedSeeds: new Set(["old"]),
    trainedParams: [{}],
    newSeed: seeds(["old", "new"]),
  });
  assert.equal(seed, "new");
  assert.equal(fresh, false);
});

test("a source that only repeats used seeds is an error, not a reused variant", () => {
  assert.throws(() =>
    chooseCertificationSeed({ specs, usedSeeds: new Set(["x"]), trainedParams: [], newSeed: () => "x", tries: 5 }),
  );
});
