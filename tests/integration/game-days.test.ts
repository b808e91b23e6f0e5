/**
 * Game days against real PostgreSQL with a fake orchestrator: scheduling and
 * its validation, the start (one team attempt, every member, provisioned like
 * a solo attempt, idempotent even when raced), the timer's due starts,
 * cancelling, ending, and who sees which game days.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { z } from "zod";
import type { Actor } from "../../lib/auth/actor";
import { isAppError, type ErrorCode } from "../../lib/errors";
import { cancelGameDay } from "../../lib/game-days/cancel-game-day";
import { endGameDay } from "../../lib/game-days/end-game-day";
import { listGameDays, listTeamGameDays } from "../../lib/game-days/list-game-days";
import { parseScheduleForm, scheduleGameDay } from "../../lib/game-days/schedule-game-day";
import { startDueGameDays } from "../../lib/game-days/start-due-game-days";
import { startGameDay } from "../../lib/game-days/start-game-day";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { PostmortemDraftSchema } from "../../lib/postmortems/postmortem-schema";
import { submitPostmortem } from "../../lib/postmortems/submit-postmortem";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { listenToLiveBus } from "./support/live-bus";
import { db, makeUser, uid } from "./support/people";

const bus = listenToLiveBus();
after(() => db.$disconnect());

async function rejectsWith(p: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(isAppError(err), String(err));
    assert.equal(err.code, code, err.message);
    if (field) assert.ok(err.fields?.[field], `a message for ${field}: ${JSON.stringify(err.fields)}`);
    return true;
  });
}

async function heardGameDay(gameDayId: string): Promise<void> {
  assert.ok(
    await bus.hears((m) => m.type === "game-day" && m.gameDayId === gameDayId),
    "a game-day message was published",
  );
}

async function teamOf(n: number, opts: { disabledToo?: boolean } = {}) {
  const team = await db.team.create({ data: { name: `Game day team ${uid()}` } });
  const members: Actor[] = [];
  for (let i = 0; i < n; i++) members.push(await makeUser("PLAYER", { teamId: team.id }));
  if (opts.disabledToo) await makeUser("PLAYER", { teamId: team.id, disabled: true });
  return { team, members };
}

test("scheduling: facilitators only, and every bad field is named", async () => {
  const fac = await makeUser("FACILITATOR");
  const { team } = await teamOf(2);
  const empty = await db.team.create({ data: { name: `Empty team ${uid()}` } });
  const levelId = await makeLevel();
  const disabled = await makeLevel();
  await db.level.update({ where: { id: disabled }, data: { enabled: false } });
  const ok = { title: "Thursday drill", teamId: team.id, levelId, scheduledAt: new Date(Date.now() + 3600_000) };

  await rejectsWith(scheduleGameDay(await makeUser("PLAYER"), ok), "FORBIDDEN");
  await rejectsWith(scheduleGameDay(await makeUser("LEAD"), ok), "FORBIDDEN");
  await rejectsWith(scheduleGameDay(fac, { ...ok, teamId: "nope" }), "INVALID_INPUT", "teamId");
  await rejectsWith(scheduleGameDay(fac, { ...ok, teamId: empty.id }), "INVALID_INPUT", "teamId");
  await rejectsWith(scheduleGameDay(fac, { ...ok, levelId: disabled }), "INVALID_INPUT", "levelId");
  await rejectsWith(scheduleGameDay(fac, { ...ok, levelId: "no-such-level" }), "INVALID_INPUT", "levelId");
  await rejectsWith(
    scheduleGameDay(fac, { ...ok, scheduledAt: new Date(Date.now() - 24 * 3600_000) }),
    "INVALID_INPUT",
    "scheduledAt",
  );

  // The form: empty fields are each named; the browser's offset turns wall-clock time into UTC.
  assert.throws(
    () => parseScheduleForm({ title: " ", teamId: "", levelId: "", scheduledAt: "", tzOffset: "0" }),
    (err: unknown) => {
      assert.ok(err instanceof z.ZodError);
      assert.deepEqual(err.issues.map((i) => i.path[0]).sort(), ["scheduledAt", "teamId", "title"]);
      return true;
    },
  );
  const parsed = parseScheduleForm({
    title: " Drill ",
    teamId: team.id,
    levelId: "",
    scheduledAt: "2030-06-01T10:30",
    tzOffset: "-120",
  });
  assert.equal(parsed.scheduledAt.toISOString(), "2030-06-01T08:30:00.000Z");
  assert.equal(parsed.levelId, null, "empty level = a random one");
  assert.equal(parsed.title, "Drill");

  const { gameDayId } = await scheduleGameDay(fac, { ...ok, levelId: null });
  const row = await db.gameDay.findUniqueOrThrow({ where: { id: gameDayId } });
  assert.equal(row.status, "SCHEDULED");
  assert.equal(row.levelId, null);
  assert.equal(row.facilitatorId, fac.id);
  await heardGameDay(gameDayId);
});

test("starting creates ONE team attempt with every current member, provisioned; starting again returns it", async () => {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const fac = await makeUser("FACILITATOR");
  const { team, members } = await teamOf(3, { disabledToo: true });
  const levelId = await makeLevel();
  const { gameDayId } = await scheduleGameDay(
    fac,
    { title: "Drill", teamId: team.id, levelId, scheduledAt: new Date(Date.now() + 3600_000) },
    deps,
  );
  await rejectsWith(startGameDay(members[0]!, gameDayId, deps), "FORBIDDEN");

  // Two starts at once (a click and the timer): one attempt.
  const [a, b] = await Promise.all([startGameDay(fac, gameDayId, deps), startGameDay(fac, gameDayId, deps)]);
  assert.equal(a.attemptId, b.attemptId);
  const again = await startGameDay(fac, gameDayId, deps);
  assert.equal(again.attemptId, a.attemptId);

  const attempts = await db.attempt.findMany({ where: { gameDayId }, include: { members: true, environment: true } });
  assert.equal(attempts.length, 1);
  const attempt = attempts[0]!;
  assert.equal(attempt.kind, "TEAM");
  assert.equal(attempt.teamId, team.id);
  assert.equal(attempt.levelId, levelId);
  assert.equal(attempt.startedById, fac.id);
  assert.deepEqual(attempt.members.map((m) => m.userId).sort(), members.map((m) => m.id).sort());
  assert.ok(attempt.members.every((m) => m.role === "PLAYER"));
  assert.equal(attempt.environment?.id, `env-${attempt.id}`);
  assert.deepEqual(
    fake.created.map((c) => c.id),
    [`env-${attempt.id}`],
    "provisioned once, like a solo attempt",
  );
  const gameDay = await db.gameDay.findUniqueOrThrow({ where: { id: gameDayId } });
  assert.equal(gameDay.status, "RUNNING");
  assert.ok(gameDay.startedAt);
  await heardGameDay(gameDayId);

  // Every member may play it; the room goes live when the environment is ready.
  fake.state = "ready";
  const state = await refreshAttempt(members[2]!, attempt.id, deps);
  assert.equal(state.status, "ACTIVE");
});

test("a game day with a random level deals an enabled one at the start", async () => {
  const fake = new FakeOrchestrator();
  const fac = await makeUser("FACILITATOR");
  const { team } = await teamOf(1);
  await makeLevel("network");
  const { gameDayId } = await scheduleGameDay(
    fac,
    { title: "Random", teamId: team.id, levelId: null, scheduledAt: new Date() },
    fake.deps(),
  );
  const { attemptId } = await startGameDay(fac, gameDayId, fake.deps());
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { level: true } });
  assert.equal(attempt.level.enabled, true);
  const view = (await listGameDays(fac, fake.deps())).find((g) => g.id === gameDayId);
  assert.equal(view?.attempt?.level, attempt.level.title);
});

test("the timer starts every scheduled game day whose time has come, and only those", async () => {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const fac = await makeUser("FACILITATOR");
  const levelId = await makeLevel();
  const now = Date.now();
  const make = async (title: string, at: number) => {
    const { team } = await teamOf(2);
    return (await scheduleGameDay(fac, { title, teamId: team.id, levelId, scheduledAt: new Date(at) }, deps)).gameDayId;
  };
  const due1 = await make("due 1", now - 60_000);
  const due2 = await make("due 2", now);
  const later = await make("later", now + 3600_000);
  const cancelled = await make("cancelled", now - 30_000);
  await cancelGameDay(fac, cancelled, deps);

  const result = await startDueGameDays(deps);
  const started = new Set(result.started.map((s) => s.gameDayId));
  assert.ok(started.has(due1) && started.has(due2), JSON.stringify(result));
  assert.ok(!started.has(later) && !started.has(cancelled));
  for (const id of [due1, due2])
    assert.equal((await db.gameDay.findUniqueOrThrow({ where: { id } })).status, "RUNNING");
  assert.equal((await db.gameDay.findUniqueOrThrow({ where: { id: later } })).status, "SCHEDULED");
  assert.equal((await db.gameDay.findUniqueOrThrow({ where: { id: cancelled } })).status, "CANCELLED");
  assert.equal(await db.attempt.count({ where: { gameDayId: cancelled } }), 0);

  // Its time comes: the next run starts it; the started ones are not started twice.
  const next = await startDueGameDays({ ...deps, now: () => new Date(now + 2 * 3600_000) });
  assert.ok(next.started.some((s) => s.gameDayId === later));
  assert.ok(!next.started.some((s) => s.gameDayId === due1 || s.gameDayId === due2));
  assert.equal(await db.attempt.count({ where: { gameDayId: { in: [due1, due2, later] } } }), 3);
});

test("cancelling and ending: what is open is closed, what is mitigated goes on", async () => {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const fac = await makeUser("FACILITATOR");
  const levelId = await makeLevel();
  const { team, members } = await teamOf(2);
  const schedule = async () =>
    (await scheduleGameDay(fac, { title: "x", teamId: team.id, levelId, scheduledAt: new Date() }, deps)).gameDayId;

  const toCancel = await schedule();
  await rejectsWith(cancelGameDay(members[0]!, toCancel, deps), "FORBIDDEN");
  await rejectsWith(endGameDay(fac, toCancel, deps), "CONFLICT");
  await cancelGameDay(fac, toCancel, deps);
  await rejectsWith(cancelGameDay(fac, toCancel, deps), "CONFLICT");
  await rejectsWith(startGameDay(fac, toCancel, deps), "CONFLICT");

  const toEnd = await schedule();
  const { attemptId } = await startGameDay(fac, toEnd, deps);
  fake.state = "ready";
  await refreshAttempt(members[0]!, attemptId, deps);
  await rejectsWith(cancelGameDay(fac, toEnd, deps), "CONFLICT");
  await rejectsWith(endGameDay(members[0]!, toEnd, deps), "FORBIDDEN");
  assert.deepEqual(await endGameDay(fac, toEnd, deps), { abandoned: true });
  assert.equal((await db.gameDay.findUniqueOrThrow({ where: { id: toEnd } })).status, "ENDED");
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status, "ABANDONED");
  assert.ok(fake.destroyed.includes(`env-${attemptId}`), "the environment is torn down");
  await rejectsWith(endGameDay(fac, toEnd, deps), "CONFLICT");

  const mitigated = await schedule();
  const second = await startGameDay(fac, mitigated, deps);
  await db.attempt.update({ where: { id: second.attemptId }, data: { status: "MITIGATED", mitigatedAt: new Date() } });
  assert.deepEqual(await endGameDay(fac, mitigated, deps), { abandoned: false });
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: second.attemptId } })).status, "MITIGATED");
});

test("the team handing in its postmortem ends the game day", async () => {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const fac = await makeUser("FACILITATOR");
  const { team, members } = await teamOf(2);
  const { gameDayId } = await scheduleGameDay(
    fac,
    { title: "Handed in", teamId: team.id, levelId: await makeLevel(), scheduledAt: new Date() },
    deps,
  );
  const { attemptId } = await startGameDay(fac, gameDayId, deps);
  await db.attempt.update({ where: { id: attemptId }, data: { status: "MITIGATED", mitigatedAt: new Date() } });
  await db.incidentReport.create({ data: { attemptId, content: {}, submittedAt: new Date() } });
  const content = PostmortemDraftSchema.parse({
    summary: "Uploads failed for some minutes.",
    impact: "Every upload failed.",
    timeline: [
      { at: new Date(Date.now() - 60_000).toISOString(), text: "Uploads failed" },
      { at: new Date().toISOString(), text: "Limit raised, uploads work" },
    ],
    rootCause: "A lowered client_max_body_size.",
    trigger: "A config change.",
    detection: "SLI chart.",
    resolution: "Raised the limit.",
    wentWell: "Quick diagnosis.",
    wentBadly: "No alert.",
    actionItems: [{ owner: "platform", kind: "prevent", description: "Lint nginx configs" }],
  });
  assert.equal((await db.gameDay.findUniqueOrThrow({ where: { id: gameDayId } })).status, "RUNNING");
  await submitPostmortem(members[1]!, attemptId, { version: 0, content }, deps);
  const ended = await db.gameDay.findUniqueOrThrow({ where: { id: gameDayId } });
  assert.equal(ended.status, "ENDED");
  assert.ok(ended.endedAt, "the end is timed");
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status, "SUBMITTED");
  await heardGameDay(gameDayId);
});

test("who sees which game days: facilitators all of them, a member their own team's open ones", async () => {
  const deps = new FakeOrchestrator().deps();
  const fac = await makeUser("FACILITATOR");
  const levelId = await makeLevel();
  const blue = await teamOf(1);
  const red = await teamOf(1);
  const soon = new Date(Date.now() + 3600_000);
  const blueDay = (
    await scheduleGameDay(fac, { title: "blue", teamId: blue.team.id, levelId, scheduledAt: soon }, deps)
  ).gameDayId;
  const redDay = (await scheduleGameDay(fac, { title: "red", teamId: red.team.id, levelId, scheduledAt: soon }, deps))
    .gameDayId;
  const gone = (await scheduleGameDay(fac, { title: "gone", teamId: blue.team.id, levelId, scheduledAt: soon }, deps))
    .gameDayId;
  await cancelGameDay(fac, gone, deps);

  const all = (await listGameDays(fac, deps)).map((g) => g.id);
  assert.ok([blueDay, redDay, gone].every((id) => all.includes(id)));
  await rejectsWith(listGameDays(blue.members[0]!, deps), "FORBIDDEN");

  const mine = await listTeamGameDays(blue.members[0]!, deps);
  assert.deepEqual(
    mine.map((g) => g.id),
    [blueDay],
  );
  assert.equal(mine[0]?.level?.id, levelId);
  assert.equal(mine[0]?.due, false);
  assert.deepEqual(await listTeamGameDays(await makeUser("PLAYER"), deps), [], "no team, no game days");
});
