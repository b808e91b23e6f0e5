import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pendingStages, stageDone, STAGES, type EnvironmentRecord } from "../../state/environment-record";
import { stillGood } from "./claim-pooled";
import { PoolDemandStore } from "./pool-demand";

const base = (faulted: boolean): EnvironmentRecord => {
  let r: EnvironmentRecord = {
    id: "pb-x-1",
    kind: "prebroken",
    slot: "pb-x-1",
    stack: "_stack",
    image: "img",
    attemptId: "",
    levelId: "x",
    seed: "s",
    state: "ready",
    stages: pendingStages(STAGES),
    error: null,
    params: {},
    fromWarmPool: false,
    createdAt: "",
    readyAt: "",
    lastActivityAt: "",
    updatedAt: "",
    warnedAt: null,
    machineEvents: [],
    requestedSeed: null,
    claimHook: false,
  };
  for (const s of faulted ? STAGES : STAGES.slice(0, 4)) r = stageDone(r, s, "t");
  return r;
};
const up = (name: string, health: string | null = "healthy") => ({ name, state: "running", health });

test("a faulted pooled environment may fail its own health check, never lose an instance", () => {
  const want = ["proxy", "app", "db"];
  assert.equal(stillGood(base(true), want, [up("proxy"), up("app", "unhealthy"), up("db")]), true);
  assert.equal(stillGood(base(true), want, [up("proxy"), up("db")]), false, "app missing");
  assert.equal(
    stillGood(base(true), want, [up("proxy"), { name: "app", state: "exited", health: null }, up("db")]),
    false,
  );
});

test("an unfaulted (at-claim) pooled environment must also be healthy", () => {
  const want = ["proxy", "app"];
  assert.equal(stillGood(base(false), want, [up("proxy"), up("app")]), true);
  assert.equal(stillGood(base(false), want, [up("proxy"), up("app", "unhealthy")]), false);
});

test("demand: entries add up per level, lapse at `until`, survive a restart", () => {
  const dir = mkdtempSync(join(tmpdir(), "fd-demand-"));
  const store = new PoolDemandStore(dir, () => undefined);
  store.replace({
    levels: [
      { levelId: "a", want: 2, reason: "2 due Thu", until: null },
      { levelId: "a", want: 1, reason: "game day", until: "2026-12-01T10:00:00Z" },
      { levelId: "b", want: 3, reason: "past", until: "2026-11-30T10:00:00Z" },
    ],
  });
  const at = new Date("2026-12-01T09:00:00Z");
  assert.deepEqual(store.current(at).get("a"), { want: 3, reason: "2 due Thu; game day" });
  assert.equal(store.current(at).get("b"), undefined);
  const again = new PoolDemandStore(dir, () => undefined);
  again.load();
  assert.equal(again.current(new Date("2026-12-01T11:00:00Z")).get("a")?.want, 2);
});
