import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { AttemptStatus, Prisma } from "@prisma/client";
import { NextRequest } from "next/server";
import { authorizeAttempt } from "../../lib/attempts/attempt-access";
import { acknowledgeIncident } from "../../lib/attempts/acknowledge-incident";
import { defaultDeps } from "../../lib/attempts/deps";
import type { Actor } from "../../lib/auth/actor";
import { sessionCookieName } from "../../lib/auth/session-token";
import { AppError, type ErrorCode } from "../../lib/errors";
import { raiseSeverity } from "../../lib/injects/raise-severity";
import { loadReadiness } from "../../lib/readiness/load-readiness";
import type { ReadinessFilter } from "../../lib/readiness/period";
import { readinessView } from "../../lib/readiness/readiness-view";
import { EMPTY_REPORT } from "../../lib/reports/report-schema";
import { saveReport } from "../../lib/reports/save-report";
import { makeLevel } from "./support/incident";
import { db, makeUser, signIn, uid } from "./support/people";
import { GET as attemptsCsvRoute } from "../../app/api/readiness/attempts/route";
import { GET as coverageCsvRoute } from "../../app/api/readiness/coverage/route";

const made: string[] = [];
after(async () => {
  await db.level.updateMany({ where: { id: { in: made } }, data: { enabled: false } });
  await db.$disconnect();
});

const NOW = new Date();
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const rejectsWith = (p: Promise<unknown>, code: ErrorCode) =>
  assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === code);

async function attempt(
  levelId: string,
  userIds: string[],
  o: { status?: AttemptStatus; teamId?: string | null; score?: number; startedAt?: Date } = {},
) {
  const startedAt = o.startedAt ?? daysAgo(3);
  const graded = o.score !== undefined;
  const a = await db.attempt.create({
    data: {
      levelId,
      startedById: userIds[0]!,
      teamId: o.teamId ?? null,
      variantSeed: uid(),
      params: {},
      status: o.status ?? (graded ? "GRADED" : "ACTIVE"),
      startedAt,
      detectedAt: new Date(startedAt.getTime() + 90_000),
      mitigatedAt: new Date(startedAt.getTime() + 12 * 60_000),
      hintsUsed: 1,
      checksTried: 2,
      score: o.score ?? null,
      members: { create: userIds.map((userId) => ({ userId })) },
    },
  });
  if (graded)
    await db.grade.create({
      data: {
        attemptId: a.id,
        graderId: userIds[0]!,
        criteria: [] as Prisma.InputJsonValue,
        percent: 90,
        outcome: "FINAL",
        createdAt: new Date(startedAt.getTime() + 3_600_000),
      },
    });
  return a;
}

async function world() {
  const [lvA, lvB] = [await makeLevel("database"), await makeLevel("proxy")];
  made.push(lvA, lvB);
  const lee = await makeUser("LEAD");
  const otherLead = await makeUser("LEAD");
  const mine = await db.team.create({ data: { name: `Mine ${uid()}`, leadId: lee.id } });
  const theirs = await db.team.create({ data: { name: `Theirs ${uid()}`, leadId: otherLead.id } });
  const pat = await makeUser("PLAYER", { teamId: mine.id, label: "Pat" });
  const quinn = await makeUser("PLAYER", { teamId: mine.id, label: "Quinn" });
  const ray = await makeUser("PLAYER", { teamId: theirs.id, label: "Ray" });
  const solo = await makeUser("PLAYER", { label: "Solo" });
  const recent = await attempt(lvA, [pat.id], { teamId: mine.id, score: 82 });
  const old = await attempt(lvB, [pat.id], { teamId: mine.id, score: 64, startedAt: daysAgo(200) });
  const open = await attempt(lvB, [quinn.id], { teamId: mine.id });
  const foreign = await attempt(lvA, [ray.id], { teamId: theirs.id, score: 99 });
  const teamless = await attempt(lvB, [solo.id], { score: 71 });
  return { lvA, lvB, lee, mine, theirs, pat, quinn, ray, solo, recent, old, open, foreign, teamless };
}

const f = (team: string, period: ReadinessFilter["period"] = "90"): ReadinessFilter => ({ team, period });

test("a lead sees their teams' people and attempts, in the period; never another team's; the teamless apart", async () => {
  const w = await world();
  const r = await loadReadiness(db, w.lee, f("all"));
  assert.deepEqual(r.people.map((p) => p.id).sort(), [w.pat.id, w.quinn.id].sort());
  const ids = new Set(r.attempts.map((a) => a.attemptId));
  assert.ok(ids.has(w.recent.id) && ids.has(w.open.id));
  assert.ok(!ids.has(w.old.id), "200 days ago is outside the last 90 days");
  assert.ok(!ids.has(w.foreign.id) && !ids.has(w.teamless.id));
  const recent = r.attempts.find((a) => a.attemptId === w.recent.id)!;
  assert.equal(recent.score, 82);
  assert.equal(recent.minutesToDetect, 1.5);
  assert.equal(recent.minutesToMitigate, 12);
  assert.equal(r.attempts.find((a) => a.attemptId === w.open.id)!.score, null, "no score before a final grade");

  const all = await loadReadiness(db, w.lee, f("all", "all"));
  assert.ok(all.attempts.some((a) => a.attemptId === w.old.id));
  const v = readinessView(all);
  const cell = v.coverage.byCategory.get(w.pat.id)?.get("database");
  assert.equal(cell?.attemptId, w.recent.id);
  assert.equal(v.coverage.byCategory.get(w.quinn.id)?.size, 0);
  assert.ok(v.trends.find((t) => t.measure === "score")!.people.some((p) => p.id === w.pat.id));

  await rejectsWith(loadReadiness(db, w.lee, f(w.theirs.id)), "NOT_FOUND");
  const none = await loadReadiness(db, w.lee, f("none"));
  assert.ok(
    none.people.some((p) => p.id === w.solo.id),
    "people without a team are reachable",
  );
  assert.ok(!none.people.some((p) => p.id === w.pat.id || p.id === w.ray.id));
  assert.ok(
    none.attempts.some((a) => a.attemptId === w.teamless.id),
    "with their attempts made without a team",
  );
  assert.ok(!none.attempts.some((a) => a.attemptId === w.foreign.id));
  const drill = await authorizeAttempt(db, w.lee, w.teamless.id, "read");
  assert.equal(drill.mode, "ro", "the lead can open (watch, never play) what the page links to");
  await rejectsWith(authorizeAttempt(db, w.lee, w.foreign.id, "read"), "NOT_FOUND");
  const one = await loadReadiness(db, w.lee, f(w.mine.id));
  assert.equal(one.people.length, 2);
});

test("an admin reaches people without a team; players and facilitators are refused", async () => {
  const w = await world();
  const admin = await makeUser("ADMIN");
  const none = await loadReadiness(db, admin, f("none"));
  assert.ok(none.people.some((p) => p.id === w.solo.id));
  assert.ok(!none.people.some((p) => p.id === w.pat.id));
  assert.ok(none.attempts.some((a) => a.attemptId === w.teamless.id && a.teamName === null));
  const everyone = await loadReadiness(db, admin, f("all"));
  for (const id of [w.pat.id, w.ray.id, w.solo.id]) assert.ok(everyone.people.some((p) => p.id === id));
  await rejectsWith(loadReadiness(db, w.pat, f("all")), "FORBIDDEN");
  await rejectsWith(loadReadiness(db, await makeUser("FACILITATOR"), f("all")), "FORBIDDEN");
});

async function get(route: typeof attemptsCsvRoute, who: Actor | null, query: string) {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = `${sessionCookieName()}=${(await signIn(who)).token}`;
  const req = new NextRequest(`http://localhost:3000/api/readiness/x?${query}`, { headers });
  return route(req, { params: Promise.resolve({}) });
}

test("the CSV exports: a lead downloads their team's; a player gets 403, another team 404, signed out 401", async () => {
  const w = await world();
  const res = await get(attemptsCsvRoute, w.lee, `team=${w.mine.id}&period=all`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
  assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="firedrill-attempts-/);
  const text = await res.text();
  const lines = text.split("\r\n");
  assert.match(lines[0]!, /^attempt id,person,team,level,category/);
  assert.ok(text.includes(w.recent.id) && text.includes(w.old.id));
  assert.ok(!text.includes(w.foreign.id) && !text.includes(w.teamless.id));

  const cov = await get(coverageCsvRoute, w.lee, "period=all");
  assert.equal(cov.status, 200);
  const covText = await cov.text();
  assert.ok(covText.includes(w.pat.email) && !covText.includes(w.ray.email));

  assert.equal((await get(attemptsCsvRoute, w.pat, "")).status, 403);
  assert.equal((await get(coverageCsvRoute, await makeUser("FACILITATOR"), "")).status, 403);
  assert.equal((await get(attemptsCsvRoute, w.lee, `team=${w.theirs.id}`)).status, 404);
  assert.equal((await get(attemptsCsvRoute, null, "")).status, 401);
});

test("a name that is a formula comes out of the CSV inert", async () => {
  const w = await world();
  await db.user.update({ where: { id: w.quinn.id }, data: { name: '=HYPERLINK("http://evil","x")' } });
  const text = await (await get(attemptsCsvRoute, w.lee, `team=${w.mine.id}`)).text();
  assert.ok(text.includes(`"'=HYPERLINK(""http://evil"",""x"")"`), text);
  assert.ok(!/(^|,)=HYPERLINK/m.test(text));
});

test("time to detect stops at the first acknowledgement, report field or facilitator severity, once", async () => {
  const lv = await makeLevel("proxy");
  made.push(lv);
  const pat = await makeUser("PLAYER");
  const stranger = await makeUser("PLAYER");
  const facilitator = await makeUser("FACILITATOR");
  const fresh = async () =>
    db.attempt.create({
      data: {
        levelId: lv,
        startedById: pat.id,
        variantSeed: uid(),
        params: {},
        status: "ACTIVE",
        startedAt: daysAgo(0),
        members: { create: [{ userId: pat.id }] },
      },
    });
  let clock = new Date();
  const deps = defaultDeps({ now: () => clock });

  const a = await fresh();
  await rejectsWith(acknowledgeIncident(stranger, a.id, deps), "NOT_FOUND");
  await rejectsWith(acknowledgeIncident(facilitator, a.id, deps), "FORBIDDEN");
  const first = await acknowledgeIncident(pat, a.id, deps);
  assert.equal(first.acknowledged, true);
  const at = clock.toISOString();
  clock = new Date(clock.getTime() + 60_000);
  const again = await acknowledgeIncident(pat, a.id, deps);
  assert.deepEqual(again, { detectedAt: at, acknowledged: false });
  await saveReport(pat, a.id, { version: 0, content: { ...EMPTY_REPORT, impact: "uploads" } }, deps);
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: a.id } })).detectedAt?.toISOString(), at);
  assert.equal(await db.timelineEvent.count({ where: { attemptId: a.id, kind: "SYSTEM" } }), 1);

  const b = await fresh();
  await saveReport(pat, b.id, { version: 0, content: EMPTY_REPORT }, deps);
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: b.id } })).detectedAt, null, "an empty save");
  clock = new Date(clock.getTime() + 60_000);
  await saveReport(pat, b.id, { version: 1, content: { ...EMPTY_REPORT, symptoms: "413 on upload" } }, deps);
  assert.equal(
    (await db.attempt.findUniqueOrThrow({ where: { id: b.id } })).detectedAt?.toISOString(),
    clock.toISOString(),
  );

  const c = await fresh();
  clock = new Date(clock.getTime() + 60_000);
  await raiseSeverity(facilitator, { attemptId: c.id, severity: "SEV2" }, deps);
  assert.equal(
    (await db.attempt.findUniqueOrThrow({ where: { id: c.id } })).detectedAt?.toISOString(),
    clock.toISOString(),
  );
});
