import assert from "node:assert/strict";
import { test } from "node:test";
import { parseAssignForm } from "../../lib/assignments/assign-schema";
import { assignmentLabel, assignmentState, endOfDay } from "../../lib/assignments/assignment-status";

const NOW = new Date("2026-12-01T12:00:00Z");

test("an assignment is done, overdue, due soon or open", () => {
  assert.equal(assignmentState({ dueAt: new Date("2026-11-30T23:59:59Z"), completedAt: null }, NOW), "overdue");
  assert.equal(assignmentState({ dueAt: new Date("2026-12-02T23:59:59Z"), completedAt: null }, NOW), "due-soon");
  assert.equal(assignmentState({ dueAt: new Date("2026-12-20T23:59:59Z"), completedAt: null }, NOW), "open");
  assert.equal(assignmentState({ dueAt: null, completedAt: null }, NOW), "open");
  assert.equal(assignmentState({ dueAt: new Date("2026-11-01T00:00:00Z"), completedAt: NOW }, NOW), "done");
});

test("a due day ends at the end of that day (UTC); impossible days are refused", () => {
  assert.equal(endOfDay("2026-12-01")?.toISOString(), "2026-12-01T23:59:59.999Z");
  assert.equal(endOfDay("2026-02-30"), null);
  assert.equal(endOfDay("tomorrow"), null);
});

test("what an assignment asks for, in words", () => {
  assert.equal(
    assignmentLabel({ pick: "LEVEL", levelTitle: "Disk full", category: null, playMode: "TRAINING" }),
    "Disk full",
  );
  assert.equal(
    assignmentLabel({ pick: "CATEGORY", levelTitle: null, category: "database", playMode: "CERTIFICATION" }),
    "Any level in database (certification)",
  );
  assert.equal(
    assignmentLabel({ pick: "RANDOM", levelTitle: null, category: null, playMode: "TRAINING" }),
    "A random level not yet passed",
  );
});

test("the assign form's fields become the use-case's input", () => {
  const form = new FormData();
  form.append("userIds", "u1");
  form.append("userIds", "u2");
  form.set("teamId", "");
  form.set("what", "category:database");
  form.set("due", "2026-12-24");
  form.set("note", "  before on-call ");
  form.set("certification", "on");
  assert.deepEqual(parseAssignForm(form), {
    userIds: ["u1", "u2"],
    teamId: null,
    pick: "CATEGORY",
    levelId: null,
    category: "database",
    playMode: "CERTIFICATION",
    dueAt: new Date("2026-12-24T23:59:59.999Z"),
    note: "before on-call",
  });
  const bad = new FormData();
  bad.set("what", "random");
  bad.set("due", "2026-13-01");
  assert.throws(() => parseAssignForm(bad), /valid due date/);
});
