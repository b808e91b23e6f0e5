/**
 * Assignments and certification mode against real PostgreSQL (fake orchestrator):
 * a facilitator assigns, the player sees it with its due date, starts it, and it
 * completes only on a final grade; leads assign only within their teams; a player
 * can neither assign nor start (so never complete) someone else's assignment.
 * Certification mode: no hints, generic objectives, a new variant, and only it
 * counts toward certification, which expires.
 */
import "./support/env";
import assert from "node:assert/strict";
import { test } from "node:test";
import { assignLevel } from "../../lib/assignments/assign-level";
import { cancelAssignment } from "../../lib/assignments/cancel-assignment";
import { listAssignments } from "../../lib/assignments/list-assignments";
import { getRoom } from "../../lib/attempts/get-room";
import { CERTIFICATION_OBJECTIVES } from "../../lib/core/level-manifest";
import { startAttempt } from "../../lib/attempts/start-attempt";
import { takeHint } from "../../lib/attempts/take-hint";
import type { Actor } from "../../lib/auth/actor";
import { awardCertifications } from "../../lib/certification/award-certifications";
import { getPlayerProgress } from "../../lib/certification/get-player-progress";
import { sendCoachMessage } from "../../lib/coaching/send-coach-message";
import { isAppError, type ErrorCode } from "../../lib/errors";
import { gradeAttempt } from "../../lib/grading/grade-attempt";
import { listReviewQueue } from "../../lib/grading/list-review-queue";
import { getPersonOverview } from "../../lib/people/get-person-overview";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { db, makeUser, uid } from "./support/people";

const DAY = 24 * 60 * 60_000;
const deps = () => new FakeOrchestrator().deps();

async function rejectsWith(p: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(isAppError(err), String(err));
    assert.equal(err.code, code, err.message);
    if (field) assert.ok(err.fields?.[field], `a message for ${field}: ${JSON.stringify(err.fields)}`);
    return true;
  });
}

/** Puts an attempt in the review queue as submitting would, then grades it. */
async function submitAndGrade(grader: Actor, attemptId: string, outcome: "FINAL" | "RETURNED", score = 6) {
  await db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED" } });
  await db.postmortem.upsert({
    where: { attemptId },
    create: { attemptId, content: {}, status: "SUBMITTED" },
    update: { status: "SUBMITTED" },
  });
  return gradeAttempt(
    grader,
    attemptId,
    {
      outcome,
      comment: "",
      criteria: [
        { criterionId: "impact", score: 4, comment: "" },
        { criterionId: "root-cause", score, comment: "" },
      ],
    },
    deps(),
  );
}

test("a facilitator assigns a level; the player sees it with its due date, starts it, and a final grade completes it", async () => {
  const facilitator = await makeUser("FACILITATOR");
  const player = await makeUser("PLAYER");
  const other = await makeUser("PLAYER");
  const levelId = await makeLevel();
  const dueAt = new Date(Date.now() + 3 * DAY);
  const { assignmentIds } = await assignLevel(facilitator, {
    userIds: [player.id],
    pick: "LEVEL",
    levelId,
    dueAt,
    note: "Before your first on-call week",
  });
  assert.equal(assignmentIds.length, 1);
  const assignmentId = assignmentIds[0]!;

  const home = await getPlayerProgress(player, deps());
  const mine = home.assignments.find((a) => a.id === assignmentId);
  assert.ok(mine, "on the player's home");
  assert.equal(mine.dueAt, dueAt.toISOString());
  assert.equal(mine.note, "Before your first on-call week");
  assert.match(mine.label, /Integration level/);
  assert.equal(mine.state, "open");
  assert.ok(!(await getPlayerProgress(other, deps())).assignments.some((a) => a.id === assignmentId), "not on others'");

  // Someone else cannot start it (so can never complete it); the owner can, in one call.
  await rejectsWith(startAttempt(other, { assignmentId }, deps()), "NOT_FOUND");
  const { attemptId } = await startAttempt(player, { assignmentId }, deps());
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(attempt.levelId, levelId);
  assert.equal(attempt.assignmentId, assignmentId);

  // The review queue filters by assignment, level and team.
  await db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED" } });
  const byAssignment = await listReviewQueue(facilitator, { assignment: assignmentId }, deps());
  assert.deepEqual(
    byAssignment.waiting.map((q) => q.attemptId),
    [attemptId],
  );
  assert.ok((await listReviewQueue(facilitator, { levelId }, deps())).waiting.some((q) => q.attemptId === attemptId));
  assert.ok(
    !(await listReviewQueue(facilitator, { assignment: "unassigned" }, deps())).waiting.some(
      (q) => q.attemptId === attemptId,
    ),
  );
  const team = await db.team.create({ data: { name: `Queue ${uid()}` } });
  assert.equal((await listReviewQueue(facilitator, { teamId: team.id }, deps())).waiting.length, 0);

  // Returned for revision: still open. Final: done, and it cannot be started again.
  await submitAndGrade(facilitator, attemptId, "RETURNED");
  assert.equal((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).completedAt, null);
  await submitAndGrade(facilitator, attemptId, "FINAL");
  assert.ok((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).completedAt);
  assert.equal((await getPlayerProgress(player, deps())).assignments.find((a) => a.id === assignmentId)?.state, "done");
  await rejectsWith(startAttempt(player, { assignmentId }, deps()), "CONFLICT");
});

test("a player can neither assign nor complete someone else's assignment", async () => {
  const facilitator = await makeUser("FACILITATOR");
  const alice = await makeUser("PLAYER");
  const bob = await makeUser("PLAYER");
  const levelId = await makeLevel();
  await rejectsWith(assignLevel(bob, { userIds: [bob.id], pick: "LEVEL", levelId }), "FORBIDDEN");
  await rejectsWith(assignLevel(bob, { userIds: [alice.id], pick: "RANDOM" }), "FORBIDDEN");
  assert.equal(await db.assignment.count({ where: { assigneeId: { in: [alice.id, bob.id] } } }), 0);

  const { assignmentIds } = await assignLevel(facilitator, { userIds: [alice.id], pick: "LEVEL", levelId });
  const alices = assignmentIds[0]!;
  await rejectsWith(cancelAssignment(bob, alices), "FORBIDDEN");
  // Bob plays the same level himself, naming Alice's assignment: refused, nothing linked.
  await rejectsWith(startAttempt(bob, { levelId, assignmentId: alices }, deps()), "NOT_FOUND");
  const { attemptId } = await startAttempt(bob, { levelId }, deps());
  await submitAndGrade(facilitator, attemptId, "FINAL");
  const row = await db.assignment.findUniqueOrThrow({ where: { id: alices } });
  assert.equal(row.completedAt, null, "Bob's graded attempt does not complete Alice's assignment");
  assert.equal(await db.attempt.count({ where: { assignmentId: alices } }), 0);
  // Bob cannot grade Alice's work either (only facilitators grade).
  const { attemptId: hers } = await startAttempt(alice, { assignmentId: alices }, deps());
  await db.attempt.update({ where: { id: hers }, data: { status: "SUBMITTED" } });
  await rejectsWith(submitAndGrade(bob, hers, "FINAL"), "NOT_FOUND");
  assert.equal((await db.assignment.findUniqueOrThrow({ where: { id: alices } })).completedAt, null);
});

test("a lead assigns within their teams only; a team gets one assignment each; overdue ones are marked", async () => {
  const lead = await makeUser("LEAD");
  const mine = await db.team.create({ data: { name: `Lead's ${uid()}`, leadId: lead.id } });
  const theirs = await db.team.create({ data: { name: `Other ${uid()}` } });
  const a = await makeUser("PLAYER", { teamId: mine.id });
  const b = await makeUser("PLAYER", { teamId: mine.id });
  await makeUser("FACILITATOR", { teamId: mine.id }); // does not play: not assigned
  const outsider = await makeUser("PLAYER", { teamId: theirs.id });
  const category = "database";
  await makeLevel(category);

  await rejectsWith(assignLevel(lead, { userIds: [outsider.id], pick: "RANDOM" }), "INVALID_INPUT", "userIds");
  await rejectsWith(assignLevel(lead, { teamId: theirs.id, pick: "RANDOM" }), "INVALID_INPUT", "teamId");
  await rejectsWith(assignLevel(lead, { pick: "RANDOM" }), "INVALID_INPUT", "userIds");
  await rejectsWith(
    assignLevel(lead, { userIds: [a.id], pick: "LEVEL", levelId: "no-such-level" }),
    "INVALID_INPUT",
    "what",
  );
  await rejectsWith(
    assignLevel(lead, { userIds: [a.id], pick: "RANDOM", dueAt: new Date(Date.now() - DAY) }),
    "INVALID_INPUT",
    "due",
  );
  assert.equal(await db.assignment.count({ where: { assignedById: lead.id } }), 0, "a refused form creates nothing");

  const { assignmentIds } = await assignLevel(lead, {
    teamId: mine.id,
    userIds: [a.id],
    pick: "CATEGORY",
    category,
    dueAt: new Date(Date.now() + DAY),
  });
  assert.equal(assignmentIds.length, 2, "one each for the two players, a listed twice counted once");
  // The category deals one of its levels.
  const aAssignment = await db.assignment.findFirstOrThrow({ where: { assigneeId: a.id, assignedById: lead.id } });
  const { attemptId } = await startAttempt(a, { assignmentId: aAssignment.id }, deps());
  const dealt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { level: true } });
  assert.equal(dealt.level.category, category);

  // Overdue: marked for the player, the facilitator and the lead; the lead sees only their teams.
  const overdue = await db.assignment.create({
    data: {
      assigneeId: b.id,
      teamId: mine.id,
      pick: "RANDOM",
      assignedById: lead.id,
      dueAt: new Date(Date.now() - DAY),
    },
  });
  const elsewhere = await db.assignment.create({
    data: { assigneeId: outsider.id, pick: "RANDOM", assignedById: lead.id, dueAt: new Date(Date.now() - DAY) },
  });
  assert.equal((await getPlayerProgress(b, deps())).assignments.find((x) => x.id === overdue.id)?.state, "overdue");
  const facilitator = await makeUser("FACILITATOR");
  const all = await listAssignments(facilitator, { state: "overdue" }, deps());
  assert.ok(all.some((x) => x.id === overdue.id && x.state === "overdue"));
  assert.ok(all.some((x) => x.id === elsewhere.id));
  const leads = await listAssignments(lead, { state: "overdue" }, deps());
  assert.ok(leads.some((x) => x.id === overdue.id));
  assert.ok(!leads.some((x) => x.id === elsewhere.id), "a lead does not see other teams' assignments");
  await rejectsWith(cancelAssignment(lead, elsewhere.id), "NOT_FOUND");
  await rejectsWith(getPersonOverview(lead, outsider.id, deps()), "NOT_FOUND");
  assert.equal((await getPersonOverview(lead, b.id, deps())).id, b.id);
  await cancelAssignment(lead, overdue.id);
  assert.equal(await db.assignment.count({ where: { id: overdue.id } }), 0);
});

test("certification mode: no hints, objectives that do not name the steps, a variant not trained on", async () => {
  const player = await makeUser("PLAYER");
  const facilitator = await makeUser("FACILITATOR");
  const levelId = await makeLevel();
  const training = await startAttempt(player, { levelId }, deps());
  const trainingRow = await db.attempt.update({
    where: { id: training.attemptId },
    data: { status: "ABANDONED" },
  });
  const trainingRoom = await getRoom(player, training.attemptId, deps());
  assert.equal(trainingRoom.playMode, "TRAINING");
  assert.deepEqual(trainingRoom.level.objectives, ["Restore uploads"]);
  assert.equal(trainingRoom.hints.costs.length, 2);

  const cert = await startAttempt(player, { levelId, mode: "CERTIFICATION" }, deps());
  // Refused while it is still being prepared too (FORBIDDEN, not "not open yet").
  await rejectsWith(takeHint(player, cert.attemptId, deps()), "FORBIDDEN");
  const certRow = await db.attempt.update({ where: { id: cert.attemptId }, data: { status: "ACTIVE" } });
  assert.equal(certRow.playMode, "CERTIFICATION");
  assert.notEqual(certRow.variantSeed, trainingRow.variantSeed);
  assert.notDeepEqual(certRow.params, trainingRow.params, "the level has two variants: the other one is dealt");
  const room = await getRoom(player, cert.attemptId, deps());
  assert.equal(room.playMode, "CERTIFICATION");
  assert.deepEqual(room.level.objectives, [...CERTIFICATION_OBJECTIVES]);
  assert.deepEqual(room.hints, { taken: [], costs: [] });
  await rejectsWith(takeHint(player, cert.attemptId, deps()), "FORBIDDEN");
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: cert.attemptId } })).hintsUsed, 0);
  await rejectsWith(
    sendCoachMessage(db, facilitator, { attemptId: cert.attemptId, kind: "hint", text: "check the proxy" }),
    "CONFLICT",
  );
  await sendCoachMessage(db, facilitator, { attemptId: cert.attemptId, kind: "message", text: "15 minutes left" });
  // A certification assignment starts a certification attempt whatever the button asked.
  const assigned = await assignLevel(facilitator, {
    userIds: [player.id],
    pick: "LEVEL",
    levelId,
    playMode: "CERTIFICATION",
  });
  await db.attempt.update({ where: { id: cert.attemptId }, data: { status: "ABANDONED" } });
  const fromAssignment = await startAttempt(
    player,
    { assignmentId: assigned.assignmentIds[0]!, mode: "TRAINING" },
    deps(),
  );
  assert.equal(
    (await db.attempt.findUniqueOrThrow({ where: { id: fromAssignment.attemptId } })).playMode,
    "CERTIFICATION",
  );
});

test("only certification-mode passes certify, and certification expires after its validity period", async () => {
  const player = await makeUser("PLAYER");
  const facilitator = await makeUser("FACILITATOR");
  const levelId = await makeLevel();
  const rule = { levels: 1, categories: 1, minPercent: 70, requireCertMode: true, validDays: 180 };
  const training = await startAttempt(player, { levelId }, deps());
  await submitAndGrade(facilitator, training.attemptId, "FINAL");
  assert.deepEqual(
    await awardCertifications(db, [player.id], new Date(), rule),
    [],
    "a training pass does not certify",
  );
  assert.deepEqual(
    await awardCertifications(db, [player.id], new Date(), { ...rule, requireCertMode: false }),
    [player.id],
    "unless the rule is configured to count training",
  );
  await db.certification.deleteMany({ where: { userId: player.id } });

  const cert = await startAttempt(player, { levelId, mode: "CERTIFICATION" }, deps());
  await submitAndGrade(facilitator, cert.attemptId, "FINAL");
  assert.deepEqual(await awardCertifications(db, [player.id], new Date(), rule), [player.id]);
  assert.deepEqual(await awardCertifications(db, [player.id], new Date(), rule), [], "never twice while in force");

  const saved = { ...process.env };
  Object.assign(process.env, { CERT_LEVELS: "1", CERT_CATEGORIES: "1", CERT_VALID_DAYS: "180" });
  try {
    let home = await getPlayerProgress(player, deps());
    assert.equal(home.standing.state, "certified");
    // The pass was graded 170 days ago: expiring soon, replay this level to renew.
    await db.grade.updateMany({
      where: { attemptId: cert.attemptId },
      data: { createdAt: new Date(Date.now() - 170 * DAY) },
    });
    home = await getPlayerProgress(player, deps());
    assert.equal(home.standing.state, "expiring-soon");
    assert.deepEqual(
      home.standing.renew.map((l) => l.levelId),
      [levelId],
    );
    // 200 days ago: expired, and the same level is what to replay.
    await db.grade.updateMany({
      where: { attemptId: cert.attemptId },
      data: { createdAt: new Date(Date.now() - 200 * DAY) },
    });
    await db.certification.updateMany({
      where: { userId: player.id },
      data: { awardedAt: new Date(Date.now() - 200 * DAY) },
    });
    home = await getPlayerProgress(player, deps());
    assert.equal(home.standing.state, "expired");
    assert.equal(home.standing.renew[0]?.levelId, levelId);
    // A new certification-mode pass renews it with a new award.
    const again = await startAttempt(player, { levelId, mode: "CERTIFICATION" }, deps());
    await submitAndGrade(facilitator, again.attemptId, "FINAL");
    assert.equal(await db.certification.count({ where: { userId: player.id } }), 2);
    assert.equal((await getPlayerProgress(player, deps())).standing.state, "certified");
  } finally {
    for (const k of ["CERT_LEVELS", "CERT_CATEGORIES", "CERT_VALID_DAYS"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
});
