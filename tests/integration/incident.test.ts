/**
 * The player's incident end to end against real PostgreSQL, with a fake
 * orchestrator: start, provisioning, SLI, hints, checks, report, postmortem,
 * grading, certification, and per-object authorisation at every step.
 */
import "./support/env";
import assert from "node:assert/strict";
import { test } from "node:test";
import { NextRequest } from "next/server";
import { abandonAttempt } from "../../lib/attempts/abandon-attempt";
import { checkFix } from "../../lib/attempts/check-fix";
import { getRoom } from "../../lib/attempts/get-room";
import { issueAccessToken } from "../../lib/attempts/issue-access-token";
import { readCodeFile, listCode } from "../../lib/attempts/read-code";
import { recordCommands } from "../../lib/attempts/record-commands";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { syncOpenIncidents } from "../../lib/attempts/sync-open-incidents";
import { startAttempt } from "../../lib/attempts/start-attempt";
import { takeHint } from "../../lib/attempts/take-hint";
import type { Actor } from "../../lib/auth/actor";
import { sessionCookieName } from "../../server/auth/session-token";
import { awardCertifications } from "../../lib/certification/award-certifications";
import { passedByPerson } from "../../lib/certification/passed-by-person";
import { verifyAccessToken } from "../../lib/contracts/access-token";
import { isAppError, type ErrorCode } from "../../lib/errors";
import { gradeAttempt } from "../../lib/grading/grade-attempt";
import { listReviewQueue } from "../../lib/grading/list-review-queue";
import { loadAttemptRecord } from "../../lib/grading/load-attempt-record";
import { getPostmortem } from "../../lib/postmortems/get-postmortem";
import { PostmortemDraftSchema } from "../../lib/postmortems/postmortem-schema";
import { savePostmortem } from "../../lib/postmortems/save-postmortem";
import { submitPostmortem } from "../../lib/postmortems/submit-postmortem";
import { getReport } from "../../lib/reports/get-report";
import { EMPTY_REPORT, ReportDraftSchema } from "../../lib/reports/report-schema";
import { saveReport } from "../../lib/reports/save-report";
import { submitReport } from "../../lib/reports/submit-report";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { db, makeUser, signIn } from "./support/people";

const SECRET = process.env.ORCHESTRATOR_SECRET!;

async function rejectsWith(p: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(p, (err: unknown) => isAppError(err) && err.code === code);
}

async function playing(opts: { levelId?: string } = {}) {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const player = await makeUser("PLAYER");
  const levelId = opts.levelId ?? (await makeLevel());
  const { attemptId } = await startAttempt(player, { levelId }, deps);
  fake.state = "ready";
  await refreshAttempt(player, attemptId, deps);
  return { fake, deps, player, levelId, attemptId };
}

const completeReport = ReportDraftSchema.parse({
  severity: "SEV2",
  impact: "All uploads failed",
  detectedHow: "The success-rate chart",
  symptoms: "413 from /api/uploads",
  hypotheses: [{ text: "proxy body limit", outcome: "confirmed" }],
  actions: "Read the nginx config; raised the limit",
  mitigation: "Raised client_max_body_size",
});

const completePostmortem = (timeline: { at: string; text: string }[]) =>
  PostmortemDraftSchema.parse({
    summary: "Uploads failed for some minutes.",
    impact: "Every upload failed.",
    timeline,
    rootCause: "A lowered client_max_body_size.",
    trigger: "A config change.",
    detection: "SLI chart.",
    resolution: "Raised the limit.",
    wentWell: "Quick diagnosis.",
    wentBadly: "No alert.",
    actionItems: [{ owner: "platform", kind: "prevent", description: "Lint nginx configs" }],
  });

test("starting a level creates the attempt, its member, its environment, and asks the orchestrator for it", async () => {
  const fake = new FakeOrchestrator();
  const player = await makeUser("PLAYER");
  const levelId = await makeLevel();
  const { attemptId } = await startAttempt(player, { levelId }, fake.deps());
  const attempt = await db.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: { members: true, environment: true },
  });
  assert.equal(attempt.status, "PROVISIONING");
  assert.deepEqual(
    attempt.members.map((m) => m.userId),
    [player.id],
  );
  assert.match(attempt.variantSeed, /^[0-9a-f]{16}$/);
  assert.ok(["1k", "2k"].includes((attempt.params as { limit: string }).limit), "params resolved from the seed");
  assert.equal(attempt.environment?.id, `env-${attemptId}`);
  assert.equal(attempt.environment?.state, "PROVISIONING");
  assert.deepEqual(fake.created, [{ id: `env-${attemptId}`, attemptId, levelId, seed: attempt.variantSeed }]);

  await rejectsWith(startAttempt(player, { levelId }, fake.deps()), "CONFLICT");

  fake.state = "ready";
  const state = await refreshAttempt(player, attemptId, fake.deps());
  assert.equal(state.status, "ACTIVE");
  assert.equal(state.environment?.state, "READY");
});

test("a random start deals an enabled level; a facilitator cannot start one", async () => {
  await makeLevel("time");
  const fake = new FakeOrchestrator();
  const player = await makeUser("PLAYER");
  const { attemptId } = await startAttempt(player, {}, fake.deps());
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { level: true } });
  assert.equal(attempt.level.enabled, true);
  await rejectsWith(startAttempt(await makeUser("FACILITATOR"), {}, fake.deps()), "FORBIDDEN");
});

test("an unreachable orchestrator leaves a FAILED attempt that can be retried or abandoned", async () => {
  const fake = new FakeOrchestrator();
  fake.unreachable = true;
  const player = await makeUser("PLAYER");
  const { attemptId } = await startAttempt(player, { levelId: await makeLevel() }, fake.deps());
  const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { environment: true } });
  assert.equal(row.status, "FAILED");
  assert.match(row.environment?.error ?? "", /cannot be reached/);
  await abandonAttempt(player, attemptId, fake.deps());
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status, "ABANDONED");
});

test("tokens: the player gets rw, a facilitator ro, another player nothing", async () => {
  const { deps, player, attemptId } = await playing();
  const rw = await issueAccessToken(player, attemptId, deps, { secret: SECRET, publicUrl: "http://localhost:4100/" });
  const payload = verifyAccessToken(rw.token, SECRET);
  assert.ok(payload.ok);
  assert.equal(payload.payload.mode, "rw");
  assert.equal(payload.payload.env, `env-${attemptId}`);
  assert.equal(payload.payload.sub, player.id);
  assert.equal(rw.publicUrl, "http://localhost:4100");
  // Through a browser session, the token names it, so revoking that session reaches the orchestrator.
  const viaSession = await issueAccessToken({ ...player, sessionId: "sess-1" }, attemptId, deps, {
    secret: SECRET,
    publicUrl: "http://x",
  });
  const withSid = verifyAccessToken(viaSession.token, SECRET);
  assert.ok(withSid.ok);
  assert.equal(withSid.payload.sid, "sess-1");
  assert.equal(typeof withSid.payload.iat, "number");

  const facilitator = await makeUser("FACILITATOR");
  const ro = await issueAccessToken(facilitator, attemptId, deps, { secret: SECRET, publicUrl: "http://x" });
  assert.equal(ro.mode, "ro");

  const other = await makeUser("PLAYER");
  await rejectsWith(issueAccessToken(other, attemptId, deps, { secret: SECRET, publicUrl: "http://x" }), "NOT_FOUND");
  // A lead watches a teamless player's attempt (read only), but not the attempt of another lead's team.
  const lead = await makeUser("LEAD");
  assert.equal((await issueAccessToken(lead, attemptId, deps, { secret: SECRET, publicUrl: "http://x" })).mode, "ro");
  const theirs = await db.team.create({ data: { name: `Theirs ${crypto.randomUUID()}` } });
  const teamed = await makeUser("PLAYER", { teamId: theirs.id });
  const { attemptId: teamedAttempt } = await startAttempt(teamed, { levelId: await makeLevel() }, deps);
  await rejectsWith(
    issueAccessToken(lead, teamedAttempt, deps, { secret: SECRET, publicUrl: "http://x" }),
    "NOT_FOUND",
  );
});

test("another player can neither read nor touch the attempt: room, state, report, postmortem, hints, check, code, commands", async () => {
  const { deps, attemptId } = await playing();
  const other = await makeUser("PLAYER");
  await rejectsWith(getRoom(other, attemptId, deps), "NOT_FOUND");
  await rejectsWith(refreshAttempt(other, attemptId, deps), "NOT_FOUND");
  await rejectsWith(getReport(other, attemptId, deps), "NOT_FOUND");
  await rejectsWith(saveReport(other, attemptId, { version: 0, content: EMPTY_REPORT }, deps), "NOT_FOUND");
  await rejectsWith(getPostmortem(other, attemptId, deps), "NOT_FOUND");
  await rejectsWith(takeHint(other, attemptId, deps), "NOT_FOUND");
  await rejectsWith(checkFix(other, attemptId, deps), "NOT_FOUND");
  await rejectsWith(listCode(other, attemptId, deps), "NOT_FOUND");
  await rejectsWith(
    recordCommands(other, attemptId, { commands: [{ instance: "app", command: "ls" }] }, deps),
    "NOT_FOUND",
  );
  await rejectsWith(loadAttemptRecord(other, attemptId, deps), "NOT_FOUND");
  await rejectsWith(abandonAttempt(other, attemptId, deps), "NOT_FOUND");

  // A facilitator watches but cannot act as the player.
  const facilitator = await makeUser("FACILITATOR");
  assert.equal((await getRoom(facilitator, attemptId, deps)).mode, "ro");
  await rejectsWith(takeHint(facilitator, attemptId, deps), "FORBIDDEN");
  await rejectsWith(saveReport(facilitator, attemptId, { version: 0, content: EMPTY_REPORT }, deps), "FORBIDDEN");
  await rejectsWith(checkFix(facilitator, attemptId, deps), "FORBIDDEN");
});

test("through the route handlers: another player's token request is 404, the player's is 200", async () => {
  const { player, attemptId } = await playing();
  const { POST } = await import("../../app/api/attempts/[id]/token/route");
  const call = async (actor: Actor) => {
    const { token } = await signIn(actor);
    const req = new NextRequest(`http://localhost:3000/api/attempts/${attemptId}/token`, {
      method: "POST",
      headers: { cookie: `${sessionCookieName()}=${token}`, "content-type": "application/json" },
    });
    return POST(req, { params: Promise.resolve({ id: attemptId }) });
  };
  const mine = await call(player);
  assert.equal(mine.status, 200);
  assert.equal(((await mine.json()) as { mode: string }).mode, "rw");
  const theirs = await call(await makeUser("PLAYER"));
  assert.equal(theirs.status, 404);
  assert.equal(((await theirs.json()) as { token?: string }).token, undefined);
});

test("the SLI is folded in: a state change becomes an SLI event and the budget burns", async () => {
  const { fake, deps, player, attemptId } = await playing();
  await refreshAttempt(player, attemptId, deps);
  await refreshAttempt(player, attemptId, deps);
  const events = await db.timelineEvent.findMany({ where: { attemptId, kind: "SLI" } });
  assert.equal(events.length, 1, "repeating the sync records the change once");
  assert.equal((events[0]!.data as { state: string }).state, "down");
  const burned = (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).budgetBurned;
  assert.ok(Math.abs(burned - 1.5) < 0.01, `90 s of total failure is 1.5 bad request-minutes, got ${burned}`);
  fake.down = false;
  await refreshAttempt(player, attemptId, deps);
  assert.equal(await db.timelineEvent.count({ where: { attemptId, kind: "SLI" } }), 2);
});

test("neither a recovery the rolling window is catching up with, nor a check's own dip, is recorded as 'Service degraded'", async () => {
  const { fake, deps, player, attemptId } = await playing();
  await refreshAttempt(player, attemptId, deps);
  fake.later = 100;
  fake.rate = 0.5; // the 10-second window half before, half after the fix
  await refreshAttempt(player, attemptId, deps);
  fake.later = 200;
  fake.rate = 1;
  await refreshAttempt(player, attemptId, deps);
  // A check that restarts the proxy dips the chart while it runs and just after: the check's doing.
  fake.later = 300;
  fake.rate = 0.5;
  const checkEnd = new Date(Date.parse(fake.sliView().current.at) - 5_000);
  await db.timelineEvent.create({
    data: { attemptId, kind: "CHECK", at: checkEnd, data: { passed: true, message: "ok", durationMs: 8_000 } },
  });
  await refreshAttempt(player, attemptId, deps);
  fake.later = 400;
  fake.rate = 0.6; // a real degradation after recovering, long after the check, is still news
  await refreshAttempt(player, attemptId, deps);
  const states = (await db.timelineEvent.findMany({ where: { attemptId, kind: "SLI" }, orderBy: { at: "asc" } })).map(
    (e) => (e.data as { state: string }).state,
  );
  assert.deepEqual(states, ["down", "healthy", "degraded"]);
  const degraded = await db.timelineEvent.findFirstOrThrow({
    where: { attemptId, kind: "SLI" },
    orderBy: { at: "desc" },
  });
  assert.ok(degraded.at.getTime() > checkEnd.getTime() + 20_000, "the dip during the check was not recorded");
});

test("a check's start is recorded: a dip while it runs or settles is the check's own, a dip sampled before it started is the incident's", async () => {
  const sliAndChecks = (attemptId: string) =>
    db.timelineEvent.findMany({
      where: { attemptId, OR: [{ kind: { in: ["SLI", "CHECK"] } }, { data: { path: ["check"], equals: "started" } }] },
      orderBy: { at: "asc" },
    });
  const label = (e: { kind: string; data: unknown }) =>
    e.kind === "SLI"
      ? (e.data as { state: string }).state
      : e.kind === "CHECK"
        ? `check ${(e.data as { passed: boolean }).passed ? "passed" : "failed"}`
        : "check started";

  // The fix is in and the chart is healthy; the check restarts the proxy, so the chart dips while it runs and a
  // sync lands before the verdict, then once more just after the pass.
  const a = await playing();
  await refreshAttempt(a.player, a.attemptId, a.deps);
  a.fake.later = 100;
  a.fake.rate = 1;
  await refreshAttempt(a.player, a.attemptId, a.deps);
  // The check starts just after the healthy sample (at the same millisecond the two would tie on the timeline).
  const sampleClock = { ...a.deps, now: () => new Date(Date.parse(a.fake.sliView().current.at) + 1) };
  a.fake.checkPasses = true;
  a.fake.whileChecking = async () => {
    a.fake.later = 110;
    a.fake.rate = 0.5;
    await refreshAttempt(a.player, a.attemptId, a.deps);
  };
  assert.equal((await checkFix(a.player, a.attemptId, sampleClock)).mitigated, true);
  a.fake.whileChecking = null;
  a.fake.later = 115; // 5 s after the pass: still settling
  await refreshAttempt(a.player, a.attemptId, a.deps);
  a.fake.later = 130;
  a.fake.rate = 1;
  await refreshAttempt(a.player, a.attemptId, a.deps);
  const first = await sliAndChecks(a.attemptId);
  assert.deepEqual(first.map(label), ["down", "healthy", "check started", "check passed"]);
  assert.equal(first[2]!.actorId, a.player.id, "the start names who ran the check");

  // A dip sampled before the next check started is the incident's own: recorded even though the sync that saw it
  // ran during the check, and placed before the check's verdict.
  const b = await playing();
  await refreshAttempt(b.player, b.attemptId, b.deps);
  b.fake.later = 100;
  b.fake.rate = 1;
  await refreshAttempt(b.player, b.attemptId, b.deps);
  b.fake.later = 150;
  b.fake.rate = 0.5;
  const startsAt = Date.parse(b.fake.sliView().current.at) + 10_000;
  b.fake.whileChecking = () => refreshAttempt(b.player, b.attemptId, b.deps).then(() => undefined);
  await checkFix(b.player, b.attemptId, { ...b.deps, now: () => new Date(startsAt) });
  const second = await sliAndChecks(b.attemptId);
  assert.deepEqual(second.map(label), ["down", "healthy", "degraded", "check started", "check failed"]);
});

test("open incidents are synced without anyone in the room, and never counted twice with the room's own sync", async () => {
  const { deps, player, attemptId } = await playing();
  const before = await syncOpenIncidents(deps);
  assert.ok(before.synced >= 1, "the open incident is synced");
  assert.deepEqual(before.failed, []);
  const burned = (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).budgetBurned;
  assert.ok(Math.abs(burned - 1.5) < 0.01, `90 s of total failure is 1.5 bad request-minutes, got ${burned}`);
  await refreshAttempt(player, attemptId, deps);
  await syncOpenIncidents(deps);
  const again = (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).budgetBurned;
  assert.equal(again, burned, "the same samples are not counted again");
  assert.equal(await db.timelineEvent.count({ where: { attemptId, kind: "SLI" } }), 1);
});

test("hints cost points, are recorded and counted; commands are recorded for the level's shells only", async () => {
  const { deps, player, attemptId } = await playing();
  const first = await takeHint(player, attemptId, deps);
  assert.deepEqual([first.index, first.cost], [0, 5]);
  await takeHint(player, attemptId, deps);
  await rejectsWith(takeHint(player, attemptId, deps), "CONFLICT");
  const a = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(a.hintsUsed, 2);
  assert.equal(await db.timelineEvent.count({ where: { attemptId, kind: "HINT" } }), 2);

  const r = await recordCommands(
    player,
    attemptId,
    {
      commands: [
        { instance: "proxy", command: "nginx -t" },
        { instance: "db", command: "psql" },
      ],
    },
    deps,
  );
  assert.equal(r.recorded, 1);
});

test("reading code stays inside the level's code paths", async () => {
  const { fake, deps, player, attemptId } = await playing();
  assert.deepEqual((await listCode(player, attemptId, deps)).files, ["/srv/app/src/server.js"]);
  await readCodeFile(player, attemptId, "/srv/app/src/server.js", deps);
  await rejectsWith(readCodeFile(player, attemptId, "/srv/app/src/../../../etc/shadow", deps), "FORBIDDEN");
  await rejectsWith(readCodeFile(player, attemptId, "/srv/app/src/x'; rm -rf /; '", deps), "FORBIDDEN");
  assert.ok(fake.execs.every((e) => e.instance === "app"));
});

test("the report autosaves with optimistic concurrency; the first field written marks detection", async () => {
  const { deps, player, attemptId } = await playing();
  const v1 = await saveReport(player, attemptId, { version: 0, content: { ...EMPTY_REPORT, impact: "uploads" } }, deps);
  assert.equal(v1.version, 1);
  await rejectsWith(saveReport(player, attemptId, { version: 0, content: EMPTY_REPORT }, deps), "CONFLICT");
  await saveReport(
    player,
    attemptId,
    {
      version: 1,
      content: {
        ...EMPTY_REPORT,
        impact: "uploads",
        severity: "SEV2",
        statusUpdates: [{ at: new Date().toISOString(), text: "Investigating" }],
      },
    },
    deps,
  );
  const a = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(a.severity, "SEV2");
  assert.ok(a.detectedAt);
  assert.equal(await db.timelineEvent.count({ where: { attemptId, kind: "SEVERITY" } }), 1);
  assert.equal(await db.timelineEvent.count({ where: { attemptId, kind: "STATUS_UPDATE" } }), 1);
  const back = await getReport(player, attemptId, deps);
  assert.equal(back.version, 2);
  assert.equal(back.content.impact, "uploads");
});

test("the whole loop: failed check, passing check, report, postmortem (refused when empty, keeping the draft), grading, certification", async () => {
  const { fake, deps, player, attemptId } = await playing();
  await rejectsWith(submitReport(player, attemptId, deps), "CONFLICT");
  await rejectsWith(
    getPostmortem(player, attemptId, deps).then(() =>
      savePostmortem(player, attemptId, { version: 0, content: PostmortemDraftSchema.parse({}) }, deps),
    ),
    "CONFLICT",
  );

  const failed = await checkFix(player, attemptId, deps);
  assert.equal(failed.passed, false);
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status, "ACTIVE");
  // Checks are rate-limited per attempt: a second one within 10 s is refused, not run.
  await rejectsWith(checkFix(player, attemptId, deps), "RATE_LIMITED");
  // A check that could not judge is recorded but neither counted as a try nor a pass.
  let clock = Date.now() + 11_000;
  const later = { ...deps, now: () => new Date(clock) };
  const realCheck = deps.orchestrator.check;
  later.orchestrator = {
    ...deps.orchestrator,
    check: () => Promise.resolve({ passed: true, unjudged: true, message: "the machine is too busy", durationMs: 3 }),
  };
  const unjudgedResult = await checkFix(player, attemptId, later);
  assert.equal(unjudgedResult.mitigated, false);
  let row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(row.status, "ACTIVE");
  assert.equal(row.checksTried, 1);
  later.orchestrator = { ...deps.orchestrator, check: realCheck };
  clock += 11_000;
  fake.checkPasses = true;
  fake.down = false;
  const passed = await checkFix(player, attemptId, later);
  row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(row.checksTried, 2);
  assert.equal(passed.mitigated, true);
  let a = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(a.status, "MITIGATED");
  assert.ok(a.mitigatedAt);
  assert.equal(a.checksTried, 2);

  await saveReport(player, attemptId, { version: 0, content: { ...EMPTY_REPORT, impact: "x" } }, deps);
  await assert.rejects(
    submitReport(player, attemptId, deps),
    (err: unknown) => isAppError(err) && err.code === "INVALID_INPUT" && Boolean(err.fields?.severity),
  );
  await saveReport(player, attemptId, { version: 1, content: completeReport }, deps);
  await submitReport(player, attemptId, deps);

  const draft = await getPostmortem(player, attemptId, deps);
  assert.equal(draft.prefilled, true);
  assert.ok(draft.content.timeline.some((e) => /Fix check passed/.test(e.text)));
  assert.ok(draft.content.timeline.some((e) => /Fix check failed/.test(e.text)));
  assert.equal(draft.content.impact, completeReport.impact, "drafted from the report");

  const partial = { ...PostmortemDraftSchema.parse({}), summary: "only this so far" };
  await assert.rejects(submitPostmortem(player, attemptId, { version: 0, content: partial }, deps), (err: unknown) => {
    assert.ok(isAppError(err) && err.code === "INVALID_INPUT");
    assert.ok(err.fields?.rootCause && err.fields.actionItems && err.fields.timeline);
    assert.equal(err.fields.summary, undefined);
    return true;
  });
  const kept = await getPostmortem(player, attemptId, deps);
  assert.equal(kept.content.summary, "only this so far", "what was typed is kept");

  await submitPostmortem(
    player,
    attemptId,
    { version: kept.version, content: completePostmortem(draft.content.timeline) },
    deps,
  );
  a = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(a.status, "SUBMITTED");
  assert.deepEqual(fake.destroyed, [`env-${attemptId}`]);

  const facilitator = await makeUser("FACILITATOR");
  assert.ok((await listReviewQueue(facilitator, {}, deps)).waiting.some((q) => q.attemptId === attemptId));
  await rejectsWith(listReviewQueue(player, {}, deps), "FORBIDDEN");
  const criteria = [
    { criterionId: "impact", score: 2, comment: "say how long" },
    { criterionId: "root-cause", score: 6, comment: "spot on" },
  ];
  await rejectsWith(gradeAttempt(player, attemptId, { outcome: "FINAL", comment: "", criteria }, deps), "FORBIDDEN");
  await assert.rejects(
    gradeAttempt(
      facilitator,
      attemptId,
      { outcome: "FINAL", comment: "", criteria: [{ criterionId: "impact", score: 9, comment: "" }] },
      deps,
    ),
    (err: unknown) =>
      isAppError(err) &&
      err.code === "INVALID_INPUT" &&
      Boolean(err.fields?.impact) &&
      Boolean(err.fields?.["root-cause"]),
  );

  await gradeAttempt(facilitator, attemptId, { outcome: "RETURNED", comment: "Add the duration", criteria }, deps);
  a = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(a.status, "RETURNED");
  assert.equal((await getReport(player, attemptId, deps)).submittedAt, null, "the report is reopened");
  await submitReport(player, attemptId, deps);
  const again = await getPostmortem(player, attemptId, deps);
  await submitPostmortem(player, attemptId, { version: again.version, content: again.content }, deps);

  const graded = await gradeAttempt(
    facilitator,
    attemptId,
    {
      outcome: "FINAL",
      comment: "Good work",
      criteria: [criteria[0]!, criteria[1]!].map((c) => ({ ...c, score: c.criterionId === "impact" ? 4 : 6 })),
    },
    deps,
  );
  assert.equal(graded.percent, 100);
  assert.ok(graded.score !== null && graded.score > 80);
  a = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(a.status, "GRADED");

  const record = await loadAttemptRecord(player, attemptId, deps);
  assert.equal(record.grades[0]?.outcome, "FINAL");
  assert.equal(record.grades[0]?.criteria.find((c) => c.criterionId === "root-cause")?.comment, "spot on");
  assert.equal(record.solution, null, "players never see the solution");
  assert.ok((await loadAttemptRecord(facilitator, attemptId, deps)).solution);
  assert.equal(record.scoreDetail?.lines.find((l) => l.id === "hints")?.points, 0);
});

test("certification: awarded once the rule holds, never twice", async () => {
  const { deps, player, attemptId, levelId } = await playing();
  const facilitator = await makeUser("FACILITATOR");
  await db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED" } });
  await db.postmortem.create({ data: { attemptId, content: {}, status: "SUBMITTED" } });
  const rule = { levels: 1, categories: 1, minPercent: 70 };
  assert.deepEqual(await awardCertifications(db, [player.id], new Date(), rule), []);
  await gradeAttempt(
    facilitator,
    attemptId,
    {
      outcome: "FINAL",
      comment: "",
      criteria: [
        { criterionId: "impact", score: 4, comment: "" },
        { criterionId: "root-cause", score: 6, comment: "" },
      ],
    },
    deps,
  );
  assert.deepEqual(await awardCertifications(db, [player.id], new Date(), rule), [player.id]);
  assert.deepEqual(await awardCertifications(db, [player.id], new Date(), rule), []);
  assert.equal(await db.certification.count({ where: { userId: player.id } }), 1);
  assert.ok(levelId);

  // The lead's table counts the same pass, by the same rule.
  const { people } = await passedByPerson(db, [player.id], { levels: 5, categories: 4, minPercent: 70 });
  assert.deepEqual(people.get(player.id), {
    passedByCategory: { proxy: 1 },
    levelsLeft: 4,
    categoriesLeft: 3,
    met: false,
  });
  const strict = await passedByPerson(db, [player.id], { levels: 5, categories: 4, minPercent: 100.1 });
  assert.deepEqual(strict.people.get(player.id)?.passedByCategory, {});
});

test("a machine that died and came back is on the timeline once, at the moment it happened", async () => {
  const { fake, deps, player, attemptId } = await playing();
  const down = new Date(Date.now() - 5000).toISOString();
  const back = new Date(Date.now() - 2000).toISOString();
  fake.machineEvents = [
    { instance: "db", state: "down", message: "db is down (exit 137) — restarting", at: down },
    { instance: "db", state: "started", message: "db restarted — waiting for it to answer", at: down },
    { instance: "db", state: "up", message: "db is back (answering 2.9 s after it stopped)", at: back },
  ];
  await refreshAttempt(player, attemptId, deps);
  await refreshAttempt(player, attemptId, deps);
  const told = await db.timelineEvent.findMany({
    where: { attemptId, kind: "SYSTEM", data: { path: ["message"], string_starts_with: "Machine " } },
    orderBy: { at: "asc" },
  });
  assert.deepEqual(
    told.map((e) => [(e.data as { message: string }).message, e.at.toISOString()]),
    [
      ["Machine db is down (exit 137) — restarting", down],
      ["Machine db is back (answering 2.9 s after it stopped)", back],
    ],
  );
});

test("an environment that is ready again later does not restart the incident clock", async () => {
  const { deps, player, attemptId } = await playing();
  const first = (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).startedAt;
  await new Promise((r) => setTimeout(r, 20));
  // The web lost sight of it (an orchestrator restart mid-request), then hears it is ready again.
  await db.attempt.update({ where: { id: attemptId }, data: { status: "FAILED" } });
  await db.environment.update({ where: { attemptId }, data: { state: "PROVISIONING" } });
  await refreshAttempt(player, attemptId, deps);
  const after = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(after.status, "ACTIVE");
  assert.equal(after.startedAt.toISOString(), first.toISOString(), "startedAt stays the moment the player could start");
  const said = await db.timelineEvent.findMany({ where: { attemptId, kind: "SYSTEM" }, orderBy: { at: "asc" } });
  assert.ok(said.some((e) => (e.data as { message: string }).message.includes("clock kept running")));
});
