/**
 * What a game day's people must hear without a reload, and the facilitator's
 * severity in the report, against real PostgreSQL and its real LISTEN/NOTIFY:
 * a check (failed or passed) and a final grade announce the attempt changed;
 * a facilitator's severity fills the team's report (announced as a save) and
 * a player then choosing the same severity is no second "Incident declared";
 * a handed-in postmortem says who handed it in; a fired second fault cannot
 * be fired again.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { checkFix } from "../../lib/attempts/check-fix";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { isAppError, type ErrorCode } from "../../lib/errors";
import { scheduleGameDay } from "../../lib/game-days/schedule-game-day";
import { startGameDay } from "../../lib/game-days/start-game-day";
import { gradeAttempt } from "../../lib/grading/grade-attempt";
import { raiseSeverity } from "../../lib/injects/raise-severity";
import { triggerFault } from "../../lib/injects/trigger-fault";
import { LevelManifestSchema } from "../../lib/levels/manifest-schema";
import { getPostmortem } from "../../lib/postmortems/get-postmortem";
import { PostmortemDraftSchema } from "../../lib/postmortems/postmortem-schema";
import { submitPostmortem } from "../../lib/postmortems/submit-postmortem";
import { getReport } from "../../lib/reports/get-report";
import { EMPTY_REPORT } from "../../lib/reports/report-schema";
import { saveReport } from "../../lib/reports/save-report";
import { FakeOrchestrator, manifest, saveLevel } from "./support/incident";
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

async function teamIncident() {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const team = await db.team.create({ data: { name: `Live team ${uid()}` } });
  const pat = await makeUser("PLAYER", { teamId: team.id, label: "Pat" });
  const sam = await makeUser("PLAYER", { teamId: team.id, label: "Sam" });
  const fac = await makeUser("FACILITATOR");
  const levelId = await saveLevel(
    LevelManifestSchema.parse({
      ...manifest(`it-${uid()}`),
      injects: [
        {
          id: "app-stopped",
          title: "The app service is stopped",
          description: "sv down app",
          steps: [{ instance: "app", run: "sv down app" }],
        },
      ],
    }),
  );
  const { gameDayId } = await scheduleGameDay(
    fac,
    { title: "Live drill", teamId: team.id, levelId, scheduledAt: new Date() },
    deps,
  );
  const { attemptId } = await startGameDay(fac, gameDayId, deps);
  fake.state = "ready";
  await refreshAttempt(pat, attemptId, deps);
  return { fake, deps, pat, sam, fac, attemptId };
}

const changed = (attemptId: string, after: number) =>
  bus.hears((m) => m.type === "attempt-changed" && m.attemptId === attemptId && bus.heard.indexOf(m) >= after);

test("a teammate's check, failed or passed, is announced at once (no waiting for the room's poll)", async () => {
  const { fake, deps, pat, attemptId } = await teamIncident();
  let mark = bus.heard.length;
  await checkFix(pat, attemptId, deps);
  assert.ok(await changed(attemptId, mark), "a failed check announces the attempt changed");
  fake.checkPasses = true;
  mark = bus.heard.length;
  const later = { ...deps, now: () => new Date(Date.now() + 11_000) };
  assert.equal((await checkFix(pat, attemptId, later)).mitigated, true);
  assert.ok(await changed(attemptId, mark), "a passed check announces the attempt changed");
});

test("a facilitator's severity fills the report; the same severity chosen later is no second declaration", async () => {
  const { deps, pat, sam, fac, attemptId } = await teamIncident();
  // No report yet: one is written with the severity.
  let mark = bus.heard.length;
  await raiseSeverity(fac, { attemptId, severity: "SEV2" }, deps);
  let report = await getReport(pat, attemptId, deps);
  assert.equal(report.content.severity, "SEV2");
  assert.equal(report.version, 1);
  assert.ok(
    await bus.hears(
      (m) => m.type === "doc-saved" && m.attemptId === attemptId && m.version === 1 && bus.heard.indexOf(m) >= mark,
    ),
    "teammates' forms hear the save and rebase onto it",
  );

  // A draft is kept, only its severity changes.
  await saveReport(sam, attemptId, { version: 1, content: { ...report.content, impact: "Uploads fail" } }, deps);
  mark = bus.heard.length;
  await raiseSeverity(fac, { attemptId, severity: "SEV1" }, deps);
  report = await getReport(pat, attemptId, deps);
  assert.deepEqual([report.content.severity, report.content.impact, report.version], ["SEV1", "Uploads fail", 3]);

  // Pat, from a form that never saw the facilitator's change, picks SEV1 too: merged, and not declared again.
  const v2 = { ...EMPTY_REPORT, severity: "SEV2" as const, impact: "Uploads fail" };
  await saveReport(pat, attemptId, { baseVersion: 2, base: v2, content: { ...v2, severity: "SEV1" } }, deps);
  const sevEvents = await db.timelineEvent.findMany({ where: { attemptId, kind: "SEVERITY" }, orderBy: { at: "asc" } });
  assert.deepEqual(
    sevEvents.map((e) => e.data),
    [
      { severity: "SEV2", previous: null },
      { severity: "SEV1", previous: "SEV2" },
    ],
    "one declaration, one change, nothing more",
  );

  // A handed-in report is left as it was handed in.
  await db.incidentReport.update({ where: { attemptId }, data: { submittedAt: new Date() } });
  await raiseSeverity(fac, { attemptId, severity: "SEV3" }, deps);
  assert.equal((await getReport(pat, attemptId, deps)).content.severity, "SEV1");
});

test("a second fault fires once: triggering it again is refused and runs nothing", async () => {
  const { fake, deps, fac, attemptId } = await teamIncident();
  await triggerFault(fac, { attemptId, injectId: "app-stopped" }, deps);
  const execs = fake.execs.length;
  await rejectsWith(triggerFault(fac, { attemptId, injectId: "app-stopped" }, deps), "CONFLICT");
  assert.equal(fake.execs.length, execs, "nothing ran the second time");
});

test("a handed-in postmortem names who handed it in; a final grade is announced to the players", async () => {
  const { deps, pat, sam, fac, attemptId } = await teamIncident();
  await db.attempt.update({ where: { id: attemptId }, data: { status: "MITIGATED", mitigatedAt: new Date() } });
  await db.incidentReport.create({ data: { attemptId, content: {}, submittedAt: new Date() } });
  const content = PostmortemDraftSchema.parse({
    summary: "Uploads failed.",
    impact: "Every upload failed.",
    timeline: [
      { at: new Date(Date.now() - 60_000).toISOString(), text: "Uploads failed" },
      { at: new Date().toISOString(), text: "Uploads work" },
    ],
    rootCause: "A lowered client_max_body_size.",
    trigger: "A config change.",
    detection: "SLI chart.",
    resolution: "Raised the limit.",
    wentWell: "Quick diagnosis.",
    wentBadly: "No alert.",
    actionItems: [{ owner: "platform", kind: "prevent", description: "Lint nginx configs" }],
  });
  assert.equal((await getPostmortem(pat, attemptId, deps)).submittedBy, null);
  await submitPostmortem(sam, attemptId, { version: 0, content }, deps);
  const seen = await getPostmortem(pat, attemptId, deps);
  assert.equal(seen.status, "SUBMITTED");
  assert.equal(seen.submittedBy, sam.name);

  const mark = bus.heard.length;
  await gradeAttempt(
    fac,
    attemptId,
    {
      outcome: "FINAL",
      comment: "Good",
      criteria: [
        { criterionId: "impact", score: 4, comment: "" },
        { criterionId: "root-cause", score: 6, comment: "" },
        { criterionId: "communication", score: 10, comment: "" },
      ],
    },
    deps,
  );
  assert.ok(await changed(attemptId, mark), "the players' open pages hear of the grade");
});

test("a report that never had the facilitator's severity: choosing it is no second declaration", async () => {
  const { deps, pat, attemptId } = await teamIncident();
  // As before reports were filled: the incident is SEV2, the report still says nothing.
  await db.attempt.update({ where: { id: attemptId }, data: { severity: "SEV2" } });
  await saveReport(pat, attemptId, { version: 0, content: { ...EMPTY_REPORT, severity: "SEV2" } }, deps);
  assert.equal(await db.timelineEvent.count({ where: { attemptId, kind: "SEVERITY" } }), 0);
  await saveReport(pat, attemptId, { version: 1, content: { ...EMPTY_REPORT, severity: "SEV1" } }, deps);
  const e = await db.timelineEvent.findFirstOrThrow({ where: { attemptId, kind: "SEVERITY" } });
  assert.deepEqual(e.data, { severity: "SEV1", previous: "SEV2" });
});
