import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import {
  ABANDONABLE,
  ATTEMPT_STATUSES,
  canMove,
  IN_ROOM,
  isIn,
  LIVE,
  OPEN,
  PLAYING,
  REPORT_OPEN,
  REVIEWED,
  STATUS_VIEW,
  statusView,
  TRANSITIONS,
  UNFINISHED,
  WRITE_UP_OPEN,
} from "../../lib/core/attempt-status";

test("the module knows exactly the schema's statuses", () => {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const block = /enum AttemptStatus \{([^}]*)\}/.exec(schema)?.[1] ?? "";
  const inSchema = block.split(/\s+/).filter(Boolean).sort();
  assert.deepEqual([...ATTEMPT_STATUSES].sort(), inSchema);
  assert.deepEqual(Object.keys(TRANSITIONS).sort(), inSchema);
  assert.deepEqual(Object.keys(STATUS_VIEW).sort(), inSchema);
});

test("the sets derived from the moves: who may be abandoned, who may hand in the write-up", () => {
  assert.deepEqual(ABANDONABLE, ["PROVISIONING", "ACTIVE", "FAILED"]);
  assert.deepEqual(WRITE_UP_OPEN, ["MITIGATED", "RETURNED"]);
  assert.ok(canMove("ACTIVE", "MITIGATED"));
  assert.ok(canMove("SUBMITTED", "RETURNED") && canMove("RETURNED", "SUBMITTED"));
  assert.ok(!canMove("MITIGATED", "ABANDONED"), "a mitigated incident is finished by its write-up, not abandoned");
  assert.ok(!canMove("GRADED", "RETURNED"), "a final grade is final");
  for (const end of ["GRADED", "ABANDONED"] as const) assert.deepEqual(TRANSITIONS[end], []);
});

test("the named sets nest as the game reads them", () => {
  const within = (a: readonly string[], b: readonly string[]) => a.every((s) => b.includes(s));
  assert.ok(within(OPEN, LIVE) && within(PLAYING, LIVE) && within(LIVE, IN_ROOM) && within(IN_ROOM, UNFINISHED));
  assert.ok(within(WRITE_UP_OPEN, REPORT_OPEN));
  assert.ok(within(REVIEWED, ["GRADED", "RETURNED"]));
  // Everything in play moves on; nothing finished does, except a write-up returned for revision.
  for (const s of UNFINISHED) assert.ok(TRANSITIONS[s].length > 0, s);
});

test("isIn answers for strings from anywhere, including ones that are no status", () => {
  assert.equal(isIn(PLAYING, "ACTIVE"), true);
  assert.equal(isIn(PLAYING, "PROVISIONING"), false);
  assert.equal(isIn(ATTEMPT_STATUSES, "NOPE"), false);
});

test("one label per status, all different; an unknown status shows as itself", () => {
  const labels = Object.values(STATUS_VIEW).map((v) => v.label);
  assert.equal(new Set(labels).size, labels.length);
  assert.equal(statusView("SUBMITTED").label, "Waiting for a grade");
  assert.equal(statusView("RETURNED").label, "Returned for revision");
  assert.deepEqual(statusView("NOPE"), { label: "NOPE", tone: "slate" });
});
