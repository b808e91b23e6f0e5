import assert from "node:assert/strict";
import { test } from "node:test";
import {
  faultStarted,
  recordFailed,
  stageDone,
  stageRunning,
  type EnvironmentRecord,
} from "../state/environment-record";
import { sampleRecord } from "../tests/support/sample-record";
import { reapDecision } from "./reap-decision";

const rec = (): EnvironmentRecord => sampleRecord();

test("stages move pending → running → done with timestamps", () => {
  let r = stageRunning(rec(), "network", "t1");
  assert.equal(r.stages[0]?.status, "running");
  assert.equal(r.stages[0]?.startedAt, "t1");
  r = stageDone(r, "network", "t2", "ok");
  assert.deepEqual(r.stages[0], { name: "network", status: "done", startedAt: "t1", endedAt: "t2", message: "ok" });
  assert.equal(r.stages[1]?.status, "pending");
});

test("a failure marks the running stage and the record, with the error", () => {
  const r = recordFailed(stageRunning(rec(), "healthy", "t1"), "db is exited", "t2");
  assert.equal(r.state, "failed");
  assert.equal(r.error, "db is exited");
  assert.equal(r.stages.find((s) => s.name === "healthy")?.status, "failed");
  assert.equal(r.stages.find((s) => s.name === "healthy")?.message, "db is exited");
});

test("a resume starts instances over once the fault has begun", () => {
  assert.equal(faultStarted(rec()), false);
  assert.equal(faultStarted(stageRunning(rec(), "fault", "t")), true);
});

const min = 60_000;
const policy = { idleMs: 30 * min, maxAgeMs: 180 * min, warnMs: 5 * min };
const t0 = Date.parse("2026-01-01T00:00:00.000Z");
const at = (m: number) => new Date(t0 + m * min).toISOString();

test("the reaper keeps, warns 5 minutes before, then destroys an idle environment", () => {
  const r = { createdAt: at(0), lastActivityAt: at(0), warnedAt: null };
  assert.deepEqual(reapDecision(r, t0 + 24 * min, policy), { action: "keep" });
  assert.deepEqual(reapDecision(r, t0 + 26 * min, policy), {
    action: "warn",
    reason: "idle",
    destroyAt: t0 + 30 * min,
  });
  assert.deepEqual(reapDecision({ ...r, warnedAt: at(26) }, t0 + 27 * min, policy), { action: "keep" });
  assert.deepEqual(reapDecision({ ...r, warnedAt: at(26) }, t0 + 30 * min, policy), {
    action: "destroy",
    reason: "idle",
  });
});

test("activity moves the idle deadline; the maximum age still applies", () => {
  const busy = { createdAt: at(0), lastActivityAt: at(170), warnedAt: null };
  assert.deepEqual(reapDecision(busy, t0 + 171 * min, policy), { action: "keep" });
  assert.deepEqual(reapDecision(busy, t0 + 176 * min, policy), {
    action: "warn",
    reason: "age",
    destroyAt: t0 + 180 * min,
  });
  assert.deepEqual(reapDecision(busy, t0 + 180 * min, policy), { action: "destroy", reason: "age" });
  // An old warning (for an earlier deadline) does not silence the next one.
  const rewarn = { createdAt: at(0), lastActivityAt: at(40), warnedAt: at(26) };
  assert.equal(reapDecision(rewarn, t0 + 66 * min, policy).action, "warn");
});
