import assert from "node:assert/strict";
import { test } from "node:test";
import { detectedAtAfter, reportShowsDetection } from "../../lib/reports/detection";
import { progressToward } from "../../lib/certification/rule";
import { EMPTY_REPORT } from "../../lib/reports/report-schema";
import { buildCoverage } from "../../lib/readiness/coverage";
import { median } from "../../lib/readiness/median";
import { onCallStatus, type StandingOf } from "../../lib/readiness/on-call";
import { parseFilter, periodStart } from "../../lib/readiness/period";
import type { ReadinessAttempt } from "../../lib/readiness/readiness-row";
import { recencyOf } from "../../lib/readiness/recency";
import { measureTrend, parComparison, weekStart } from "../../lib/readiness/trends";
import { formatScore, oneScore, rubricPoints, SCORE_PARTS } from "../../lib/scoring/one-score";
import { scoreAttempt } from "../../lib/scoring/score-attempt";

const NOW = new Date("2030-06-30T12:00:00Z");
const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

function attempt(over: Partial<ReadinessAttempt>): ReadinessAttempt {
  return {
    attemptId: "a1",
    personId: "p1",
    personName: "Ada",
    teamName: "Blue",
    levelId: "l1",
    levelTitle: "Locked migration",
    category: "database",
    parMinutes: 20,
    kind: "SOLO",
    status: "GRADED",
    startedAt: day(10),
    gradedAt: day(9),
    score: 80,
    minutesToDetect: 2,
    minutesToMitigate: 15,
    hintsUsed: 0,
    checksTried: 1,
    budgetBurned: 3,
    ...over,
  };
}

test("median: odd, even, nulls ignored, empty is null", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([null, 5, undefined, 1]), 3);
  assert.equal(median([]), null);
  assert.equal(median([null]), null);
});

test("one score: the final grade's score out of 100, nothing before it; its parts in words", () => {
  const detail = scoreAttempt({
    rubricPercent: 80,
    parMinutes: 20,
    minutesToMitigate: 10,
    budgetBurned: 0,
    hintCosts: [5],
  });
  assert.equal(detail.total, 56 + 15 + 15 - 5);
  assert.equal(oneScore({ status: "GRADED", score: detail.total }), 81);
  assert.equal(oneScore({ status: "SUBMITTED", score: 81 }), null);
  assert.equal(oneScore({ status: "GRADED", score: null }), null);
  assert.equal(formatScore(81), "81 / 100");
  assert.equal(formatScore(null), "—");
  assert.equal(rubricPoints(80), 56);
  assert.equal(rubricPoints(150), 70);
  assert.match(SCORE_PARTS, /rubric \(70\).*par \(15\).*error budget kept \(15\).*hints/);
});

test("time to detect: the first signal wins; an empty report is no signal, any written field is", () => {
  const t1 = new Date("2030-01-01T10:02:00Z");
  const t2 = new Date("2030-01-01T10:05:00Z");
  assert.equal(detectedAtAfter(null, t2), t2);
  assert.equal(detectedAtAfter(t1, t2), t1);
  assert.equal(detectedAtAfter(t2, t1), t1);
  assert.equal(reportShowsDetection(EMPTY_REPORT), false);
  assert.equal(reportShowsDetection({ ...EMPTY_REPORT, impact: "   " }), false);
  assert.equal(reportShowsDetection({ ...EMPTY_REPORT, hypotheses: [{ text: "", outcome: "open" }] }), false);
  assert.equal(reportShowsDetection({ ...EMPTY_REPORT, symptoms: "502s on upload" }), true);
  assert.equal(reportShowsDetection({ ...EMPTY_REPORT, severity: "SEV2" }), true);
  assert.equal(reportShowsDetection({ ...EMPTY_REPORT, hypotheses: [{ text: "disk", outcome: "open" }] }), true);
});

test("recency bands: fresh within 30 days, aging to 90, stale after", () => {
  assert.equal(recencyOf(day(1), NOW), "fresh");
  assert.equal(recencyOf(day(30), NOW), "fresh");
  assert.equal(recencyOf(day(31), NOW), "aging");
  assert.equal(recencyOf(day(91), NOW), "stale");
});

test("coverage: best score per level and category (latest on a tie), uncovered categories marked", () => {
  const people = [
    { id: "p1", name: "Ada", email: "a@x", teamName: "Blue" },
    { id: "p2", name: "Bob", email: "b@x", teamName: null },
  ];
  const levels = [
    { id: "l1", title: "Locked migration", category: "database", parMinutes: 20 },
    { id: "l2", title: "Missing index", category: "database", parMinutes: 20 },
    { id: "l3", title: "Proxy 413", category: "proxy", parMinutes: 15 },
  ];
  const c = buildCoverage(people, levels, [
    attempt({ attemptId: "a1", score: 70, gradedAt: day(40) }),
    attempt({ attemptId: "a2", score: 90, gradedAt: day(20) }),
    attempt({ attemptId: "a3", levelId: "l2", score: 90, gradedAt: day(5) }),
    attempt({ attemptId: "a4", status: "SUBMITTED", score: null, gradedAt: null, levelId: "l3", category: "proxy" }),
    attempt({ attemptId: "x", personId: "stranger", score: 100 }),
  ]);
  assert.equal(c.byLevel.get("p1")?.get("l1")?.attemptId, "a2");
  const db = c.byCategory.get("p1")?.get("database");
  assert.equal(db?.attemptId, "a3", "a tie goes to the latest");
  assert.equal(db?.levelsDone, 2);
  assert.equal(c.byCategory.get("p2")?.size, 0);
  assert.equal(c.byCategory.has("stranger"), false);
  assert.deepEqual(
    c.categories.map((k) => [k.name, k.covered, k.levels.length]),
    [
      ["database", true, 2],
      ["proxy", false, 1],
    ],
  );
});

test("trends: a point per attempt and person, weekly median, median against par once per attempt", () => {
  const rows = [
    attempt({ attemptId: "a1", minutesToMitigate: 10, gradedAt: new Date("2030-06-03T10:00:00Z") }),
    attempt({ attemptId: "a2", minutesToMitigate: 30, gradedAt: new Date("2030-06-05T10:00:00Z") }),
    attempt({
      attemptId: "a2",
      personId: "p2",
      personName: "Bob",
      minutesToMitigate: 30,
      gradedAt: new Date("2030-06-05T10:00:00Z"),
    }),
    attempt({ attemptId: "a3", minutesToMitigate: null, gradedAt: new Date("2030-06-12T10:00:00Z") }),
  ];
  const t = measureTrend(rows, "minutesToMitigate");
  assert.deepEqual(
    t.people.map((p) => [p.name, p.points.map((q) => q.attemptId)]),
    [
      ["Ada", ["a1", "a2"]],
      ["Bob", ["a2"]],
    ],
  );
  assert.deepEqual(t.teamMedian, [{ at: Date.parse("2030-06-03T00:00:00Z") / 1000, value: 30 }]);
  assert.equal(weekStart(Date.parse("2030-06-09T23:59:00Z") / 1000), Date.parse("2030-06-03T00:00:00Z") / 1000);
  const [row] = parComparison(rows, [{ id: "l1", title: "Locked migration", category: "database", parMinutes: 20 }]);
  assert.equal(row?.attempts, 3);
  assert.equal(row?.medianMinutesToMitigate, 20, "median of 10 and 30; a2 counted once, a3 never mitigated");
  assert.equal(row?.withinPar, true);
});

test("on call: certified, close with what is missing, not yet; expiry comes through the seam", () => {
  const g = (levelId: string, category: string) => ({ levelId, category, percent: 90 });
  const three = progressToward([g("a", "db"), g("b", "db"), g("c", "proxy")]);
  const close = onCallStatus({ certifiedAt: null, progress: three, uncoveredCategories: ["time", "disk"] }, NOW);
  assert.equal(close.state, "not-yet", "two levels and two categories short is not close");
  const four = progressToward([g("a", "db"), g("b", "proxy"), g("c", "time"), g("d", "time")]);
  const nearly = onCallStatus({ certifiedAt: null, progress: four, uncoveredCategories: ["disk"] }, NOW);
  assert.equal(nearly.state, "close");
  assert.deepEqual(nearly.missing, ["1 more level passed", "1 more category (e.g. disk)"]);
  const cert = onCallStatus({ certifiedAt: day(10), progress: four, uncoveredCategories: [] }, NOW);
  assert.equal(cert.state, "certified");
  assert.deepEqual(cert.missing, []);
  const expired: StandingOf = (at) => ({ standing: "expired", expiresAt: new Date(at.getTime() + 1000) });
  assert.equal(
    onCallStatus({ certifiedAt: day(400), progress: four, uncoveredCategories: [] }, NOW, expired).state,
    "expired",
  );
});

test("filters: bad input falls back to the defaults, never throws", () => {
  assert.deepEqual(parseFilter({}), { team: "all", period: "90" });
  assert.deepEqual(parseFilter({ team: "none", period: "30" }), { team: "none", period: "30" });
  assert.deepEqual(parseFilter({ team: "x'; drop", period: "7" }), { team: "all", period: "90" });
  assert.deepEqual(parseFilter({ team: ["t1", "t2"], period: ["all"] }), { team: "t1", period: "all" });
  assert.equal(periodStart("all", NOW), null);
  assert.equal(periodStart("30", NOW)?.toISOString(), day(30).toISOString());
});
