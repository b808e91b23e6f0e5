/**
 * The team room against real PostgreSQL with a fake orchestrator: roles (one
 * commander, hand-over), the incident channel (members only, on the timeline,
 * published live, stakeholder replies), facilitators' injects (severity,
 * stakeholder messages, a second fault run through exec), what each viewer is
 * given, and the communication figures and criterion in grading.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { getRoom } from "../../lib/attempts/get-room";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { startAttempt } from "../../lib/attempts/start-attempt";
import { isAppError, type ErrorCode } from "../../lib/errors";
import { scheduleGameDay } from "../../lib/game-days/schedule-game-day";
import { startGameDay } from "../../lib/game-days/start-game-day";
import { loadAttemptRecord } from "../../lib/grading/load-attempt-record";
import { raiseSeverity } from "../../lib/injects/raise-severity";
import { sendStakeholderMessage } from "../../lib/injects/send-stakeholder-message";
import { triggerFault } from "../../lib/injects/trigger-fault";
import { LevelManifestSchema } from "../../lib/levels/manifest-schema";
import { InjectSchema } from "../../server/live/handlers/injects";
import { claimRole } from "../../lib/team-play/claim-role";
import { listChannel } from "../../lib/team-play/list-channel";
import { postMessage } from "../../lib/team-play/post-message";
import { FakeOrchestrator, makeLevel, manifest, saveLevel } from "./support/incident";
import { listenToLiveBus } from "./support/live-bus";
import { db, makeUser, uid } from "./support/people";

const bus = listenToLiveBus();
after(() => db.$disconnect());

async function rejectsWith(p: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(isAppError(err), String(err));
    assert.equal(err.code, code, err.message);
    return true;
  });
}

async function heardTimeline(eventId: string): Promise<void> {
  assert.ok(
    await bus.hears((m) => m.type === "timeline" && m.eventId === eventId),
    `a timeline message for ${eventId} was published`,
  );
}

/** A level with a second fault to inject, like the shipped ones. */
function levelWithInject(): Promise<string> {
  return saveLevel(
    LevelManifestSchema.parse({
      ...manifest(`it-${uid()}`),
      injects: [
        {
          id: "app-stopped",
          title: "The app service is stopped",
          description: "Runs sv down app on the app instance.",
          steps: [{ instance: "app", run: "sv down app && echo {{limit}}" }],
        },
      ],
    }),
  );
}

/** A running game day: two members, an outsider, a facilitator, the environment ready. */
async function teamIncident() {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const team = await db.team.create({ data: { name: `Team play ${uid()}` } });
  const pat = await makeUser("PLAYER", { teamId: team.id, label: "Pat" });
  const sam = await makeUser("PLAYER", { teamId: team.id, label: "Sam" });
  const outsider = await makeUser("PLAYER");
  const fac = await makeUser("FACILITATOR");
  const levelId = await levelWithInject();
  const { gameDayId } = await scheduleGameDay(
    fac,
    { title: "Drill", teamId: team.id, levelId, scheduledAt: new Date() },
    deps,
  );
  const { attemptId } = await startGameDay(fac, gameDayId, deps);
  fake.state = "ready";
  await refreshAttempt(pat, attemptId, deps);
  return { fake, deps, pat, sam, outsider, fac, attemptId };
}

const roleOf = async (attemptId: string, userId: string) =>
  (await db.attemptMember.findUniqueOrThrow({ where: { attemptId_userId: { attemptId, userId } } })).role;

test("roles: a member takes one; one commander at a time, handed over with the previous one demoted", async () => {
  const { deps, pat, sam, outsider, fac, attemptId } = await teamIncident();
  await claimRole(pat, { attemptId, role: "COMMANDER" }, deps);
  assert.equal(await roleOf(attemptId, pat.id), "COMMANDER");
  await claimRole(sam, { attemptId, role: "OPERATOR" }, deps);
  assert.equal(await roleOf(attemptId, pat.id), "COMMANDER", "another role leaves command alone");

  const handOver = await claimRole(sam, { attemptId, role: "COMMANDER" }, deps);
  assert.deepEqual(handOver.demoted, [pat.id]);
  assert.equal(await roleOf(attemptId, sam.id), "COMMANDER");
  assert.equal(await roleOf(attemptId, pat.id), "PLAYER");
  assert.equal(await db.attemptMember.count({ where: { attemptId, role: "COMMANDER" } }), 1);

  // Two people taking command at once: still one commander.
  await Promise.all([
    claimRole(pat, { attemptId, role: "COMMANDER" }, deps),
    claimRole(sam, { attemptId, role: "OPERATOR" }, deps),
  ]);
  await Promise.all([
    claimRole(sam, { attemptId, role: "COMMANDER" }, deps),
    claimRole(pat, { attemptId, role: "COMMANDER" }, deps),
  ]);
  assert.equal(await db.attemptMember.count({ where: { attemptId, role: "COMMANDER" } }), 1);

  const roles = await db.timelineEvent.findMany({ where: { attemptId, kind: "ROLE" }, orderBy: { at: "asc" } });
  assert.ok(roles.length >= 4);
  const demotion = roles.find((e) => {
    const d = e.data as { userId: string; previous?: string };
    return d.userId === pat.id && d.previous === "COMMANDER";
  });
  assert.ok(demotion, "the demotion is on the timeline");
  await heardTimeline(demotion.id);
  const channel = await listChannel(sam, attemptId, deps);
  assert.ok(channel.events.some((e) => e.kind === "ROLE" && /handed over incident command/.test(e.text)));

  await rejectsWith(claimRole(outsider, { attemptId, role: "COMMANDER" }, deps), "NOT_FOUND");
  await rejectsWith(claimRole(fac, { attemptId, role: "COMMANDER" }, deps), "FORBIDDEN");
  const solo = await startAttempt(outsider, { levelId: await makeLevel() }, deps);
  await rejectsWith(claimRole(outsider, { attemptId: solo.attemptId, role: "COMMANDER" }, deps), "CONFLICT");
});

test("the channel: members post chat and status updates to the timeline, published live; others cannot", async () => {
  const { deps, pat, sam, outsider, fac, attemptId } = await teamIncident();
  const chat = await postMessage(pat, { attemptId, text: "  I'll look at the proxy  " }, deps);
  const status = await postMessage(sam, { attemptId, kind: "STATUS_UPDATE", text: "Uploads failing; on it" }, deps);
  const row = await db.timelineEvent.findUniqueOrThrow({ where: { id: chat.eventId } });
  assert.equal(row.kind, "CHAT");
  assert.equal(row.actorId, pat.id);
  assert.deepEqual(row.data, { text: "I'll look at the proxy" });
  await heardTimeline(chat.eventId);
  await heardTimeline(status.eventId);

  for (const viewer of [sam, fac]) {
    const { events } = await listChannel(viewer, attemptId, deps);
    const texts = events.map((e) => `${e.kind}:${e.actor?.name ?? ""}:${e.text}`);
    assert.ok(texts.includes(`CHAT:${pat.name}:I'll look at the proxy`), texts.join("\n"));
    assert.ok(texts.includes(`STATUS_UPDATE:${sam.name}:Status update: Uploads failing; on it`), texts.join("\n"));
  }
  await rejectsWith(postMessage(outsider, { attemptId, text: "hi" }, deps), "NOT_FOUND");
  await rejectsWith(postMessage(fac, { attemptId, text: "hi" }, deps), "FORBIDDEN");
  await rejectsWith(listChannel(outsider, attemptId, deps), "NOT_FOUND");
  await assert.rejects(postMessage(pat, { attemptId, text: "   " }, deps));
  await rejectsWith(postMessage(pat, { attemptId, text: "re", replyTo: chat.eventId }, deps), "INVALID_INPUT");

  await db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED" } });
  await rejectsWith(postMessage(pat, { attemptId, text: "too late" }, deps), "CONFLICT");
});

test("injects: facilitators change the severity, speak as stakeholders, and trigger the level's second fault", async () => {
  const { fake, deps, pat, sam, fac, attemptId } = await teamIncident();
  await rejectsWith(raiseSeverity(pat, { attemptId, severity: "SEV1" }, deps), "FORBIDDEN");
  await rejectsWith(raiseSeverity(await makeUser("LEAD"), { attemptId, severity: "SEV1" }, deps), "FORBIDDEN");
  await rejectsWith(
    sendStakeholderMessage(pat, { attemptId, from: "VP", message: "ETA?", answerWithinMinutes: 5 }, deps),
    "FORBIDDEN",
  );
  await rejectsWith(triggerFault(sam, { attemptId, injectId: "app-stopped" }, deps), "FORBIDDEN");

  const sev = await raiseSeverity(fac, { attemptId, severity: "SEV2" }, deps);
  const sev1 = await raiseSeverity(fac, { attemptId, severity: "SEV1" }, deps);
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).severity, "SEV1");
  const sevRow = await db.timelineEvent.findUniqueOrThrow({ where: { id: sev1.eventId } });
  assert.deepEqual(
    [sevRow.kind, sevRow.actorId, sevRow.data],
    ["SEVERITY", fac.id, { severity: "SEV1", previous: "SEV2" }],
  );
  await heardTimeline(sev.eventId);
  await rejectsWith(raiseSeverity(fac, { attemptId, severity: "SEV1" }, deps), "CONFLICT");

  const before = Date.now();
  const asked = await sendStakeholderMessage(
    fac,
    { attemptId, from: "Head of Support", message: "Customers are calling. ETA?", answerWithinMinutes: 5 },
    deps,
  );
  const due = Date.parse(asked.dueAt) - before;
  assert.ok(due >= 5 * 60_000 - 1000 && due <= 5 * 60_000 + 5000, `due in ${due} ms`);
  await heardTimeline(asked.eventId);
  const reply = await postMessage(
    sam,
    { attemptId, kind: "STATUS_UPDATE", text: "Fix in 10 minutes", replyTo: asked.eventId },
    deps,
  );
  assert.deepEqual((await db.timelineEvent.findUniqueOrThrow({ where: { id: reply.eventId } })).data, {
    text: "Fix in 10 minutes",
    replyTo: asked.eventId,
  });

  const fault = await triggerFault(fac, { attemptId, injectId: "app-stopped" }, deps);
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  const limit = (attempt.params as { limit: string }).limit;
  assert.deepEqual(
    fake.execs.filter((e) => e.id === `env-${attemptId}`),
    [{ id: `env-${attemptId}`, instance: "app", script: `sv down app && echo ${limit}` }],
    "the inject's steps ran through exec, templated with the attempt's parameters",
  );
  const faultRow = await db.timelineEvent.findUniqueOrThrow({ where: { id: fault.eventId } });
  assert.equal(faultRow.kind, "INJECT");
  assert.equal((faultRow.data as { kind: string; injectId: string }).injectId, "app-stopped");
  await heardTimeline(fault.eventId);
  await rejectsWith(triggerFault(fac, { attemptId, injectId: "no-such-inject" }, deps), "NOT_FOUND");

  // A failing step stops the inject and records nothing.
  const failing = {
    ...deps,
    orchestrator: {
      ...fake.client(),
      exec: () => Promise.resolve({ exitCode: 1, stdout: "", stderr: "fail: app: unable to change to service" }),
    },
  };
  const count = await db.timelineEvent.count({ where: { attemptId, kind: "INJECT" } });
  await rejectsWith(triggerFault(fac, { attemptId, injectId: "app-stopped" }, failing), "CONFLICT");
  assert.equal(await db.timelineEvent.count({ where: { attemptId, kind: "INJECT" } }), count);

  // Players' channel shows the stakeholder, not the fault; the facilitator's shows both.
  const players = (await listChannel(pat, attemptId, deps)).events.filter((e) => e.kind === "INJECT");
  assert.deepEqual(
    players.map((e) => e.id),
    [asked.eventId],
  );
  const facs = (await listChannel(fac, attemptId, deps)).events.filter((e) => e.kind === "INJECT");
  assert.deepEqual(
    facs.map((e) => e.id),
    [asked.eventId, fault.eventId],
  );

  // Nothing to inject into an incident that is over.
  await db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED" } });
  await rejectsWith(raiseSeverity(fac, { attemptId, severity: "SEV3" }, deps), "CONFLICT");
});

test("the socket's inject payload is one shape per kind", () => {
  assert.ok(InjectSchema.safeParse({ type: "severity", attemptId: "a", severity: "SEV1" }).success);
  assert.ok(
    InjectSchema.safeParse({ type: "stakeholder", attemptId: "a", from: "VP", message: "ETA?", answerWithinMinutes: 5 })
      .success,
  );
  assert.ok(InjectSchema.safeParse({ type: "fault", attemptId: "a", injectId: "app-stopped" }).success);
  assert.ok(!InjectSchema.safeParse({ type: "severity", attemptId: "a", severity: "SEV9" }).success);
  assert.ok(!InjectSchema.safeParse({ type: "fault", attemptId: "a", injectId: "x", extra: 1 }).success);
  assert.ok(!InjectSchema.safeParse({ type: "reboot", attemptId: "a" }).success);
});

test("the room: members and roles for all, the level's injects for facilitators only", async () => {
  const { deps, pat, sam, fac, attemptId } = await teamIncident();
  await claimRole(sam, { attemptId, role: "COMMANDER" }, deps);
  const player = await getRoom(pat, attemptId, deps);
  assert.equal(player.kind, "TEAM");
  assert.equal(player.mode, "rw");
  assert.equal(player.gameDayTitle, "Drill");
  assert.deepEqual(player.injects, []);
  assert.equal(player.members.find((m) => m.userId === sam.id)?.role, "COMMANDER");
  assert.ok(!JSON.stringify(player).includes("sv down"), "no inject steps reach a player");

  const watching = await getRoom(fac, attemptId, deps);
  assert.equal(watching.mode, "ro");
  assert.deepEqual(
    watching.injects.map((i) => i.id),
    ["app-stopped"],
  );
  assert.ok(!JSON.stringify(watching).includes("sv down app &&"), "steps stay on the server");
});

test("grading a team: communication figures and a Communication criterion; solo grading is unchanged", async () => {
  const { deps, pat, sam, fac, attemptId } = await teamIncident();
  await claimRole(pat, { attemptId, role: "COMMANDER" }, deps);
  await postMessage(pat, { attemptId, kind: "STATUS_UPDATE", text: "Investigating" }, deps);
  const asked = await sendStakeholderMessage(
    fac,
    { attemptId, from: "VP", message: "ETA?", answerWithinMinutes: 10 },
    deps,
  );
  await postMessage(sam, { attemptId, text: "Within the hour", replyTo: asked.eventId }, deps);
  await postMessage(sam, { attemptId, kind: "STATUS_UPDATE", text: "Mitigated" }, deps);

  const record = await loadAttemptRecord(fac, attemptId, deps);
  assert.equal(record.attempt.kind, "TEAM");
  assert.deepEqual(
    record.level.rubric.communication?.map((c) => [c.id, c.points]),
    [["communication", 20]],
  );
  const c = record.communication!;
  assert.equal(c.statusUpdates, 2);
  assert.equal(c.stakeholder.asked, 1);
  assert.equal(c.stakeholder.answeredInTime, 1);
  assert.ok(c.commanderShare > 0 && c.commanderShare <= 1);

  const solo = await startAttempt(await makeUser("PLAYER"), { levelId: await makeLevel() }, deps);
  const soloRecord = await loadAttemptRecord(fac, solo.attemptId, deps);
  assert.equal(soloRecord.communication, null);
  assert.equal(soloRecord.level.rubric.communication, undefined);
});
