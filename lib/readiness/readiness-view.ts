/**
 * What the readiness page shows, worked out from the loaded data: coverage,
 * on-call status per person, a trend per measure, the median against par and
 * the at-a-glance figures. Pure.
 */
import { buildCoverage } from "./coverage";
import type { Readiness } from "./load-readiness";
import { median, round1 } from "./median";
import { onCallStatus, type StandingOf } from "./on-call";
import { MEASURES, measureTrend, parComparison, type Measure } from "./trends";

export function readinessView(r: Readiness, standingOf?: StandingOf) {
  const coverage = buildCoverage(r.people, r.levels, r.attempts);
  const categoryNames = coverage.categories.map((c) => c.name);
  const onCall = r.people.map((p) => ({
    id: p.id,
    name: p.name,
    team: p.teamName,
    status: onCallStatus(
      { ...p, uncoveredCategories: categoryNames.filter((c) => !p.progress.passedCategories.includes(c)) },
      r.now,
      standingOf,
    ),
  }));
  const trends = (Object.keys(MEASURES) as Measure[]).map((m) => measureTrend(r.attempts, m));
  const graded = r.attempts.filter((a) => a.score !== null);
  const glance = {
    people: r.people.length,
    certified: onCall.filter((o) => o.status.state === "certified" || o.status.state === "expiring").length,
    close: onCall.filter((o) => o.status.state === "close").length,
    attempts: new Set(r.attempts.map((a) => a.attemptId)).size,
    medianScore: round1(median(graded.map((a) => a.score))),
    uncovered: coverage.categories.filter((c) => !c.covered).map((c) => c.name),
  };
  return { coverage, onCall, trends, par: parComparison(r.attempts, r.levels), glance };
}
