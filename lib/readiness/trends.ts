/**
 * Trends over time for the readiness charts: per measure, one series per
 * person (a point per attempt) and the team's weekly median; and per level,
 * the team's median against the level's par. Pure.
 */
import { median, round1 } from "./median";
import type { ReadinessAttempt, ReadinessLevel } from "./readiness-row";

export const MEASURES = {
  score: { label: "Score", unit: "/ 100", better: "higher" },
  minutesToDetect: { label: "Time to detect", unit: "min", better: "lower" },
  minutesToMitigate: { label: "Time to mitigate", unit: "min", better: "lower" },
  hintsUsed: { label: "Hints used", unit: "", better: "lower" },
  checksTried: { label: "Checks tried", unit: "", better: "lower" },
} as const;
export type Measure = keyof typeof MEASURES;

export interface TrendPoint {
  at: number; // epoch seconds
  value: number;
  attemptId: string;
}

export interface MeasureTrend {
  measure: Measure;
  people: { id: string; name: string; points: TrendPoint[] }[];
  /** The week's median over everyone in view, at the week's start. */
  teamMedian: { at: number; value: number }[];
}

const WEEK = 7 * 86_400;

export function valueOf(a: ReadinessAttempt, m: Measure): number | null {
  const v = a[m];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function weekStart(epochSeconds: number): number {
  // Weeks start on Monday 00:00 UTC (1970-01-01 was a Thursday: shift by 3 days).
  const shifted = epochSeconds + 3 * 86_400;
  return shifted - (((shifted % WEEK) + WEEK) % WEEK) - 3 * 86_400;
}

export function measureTrend(attempts: readonly ReadinessAttempt[], measure: Measure): MeasureTrend {
  const people = new Map<string, { id: string; name: string; points: TrendPoint[] }>();
  const weeks = new Map<number, number[]>();
  for (const a of attempts) {
    const value = valueOf(a, measure);
    if (value === null) continue;
    const at = Math.floor((a.gradedAt ?? a.startedAt).getTime() / 1000);
    const p = people.get(a.personId) ?? { id: a.personId, name: a.personName, points: [] };
    p.points.push({ at, value, attemptId: a.attemptId });
    people.set(a.personId, p);
    const w = weekStart(at);
    weeks.set(w, [...(weeks.get(w) ?? []), value]);
  }
  for (const p of people.values()) p.points.sort((x, y) => x.at - y.at);
  const teamMedian = [...weeks.entries()].sort(([x], [y]) => x - y).map(([at, vs]) => ({ at, value: median(vs)! }));
  return {
    measure,
    people: [...people.values()].sort((x, y) => x.name.localeCompare(y.name)),
    teamMedian,
  };
}

export interface ParRow {
  levelId: string;
  title: string;
  parMinutes: number;
  attempts: number;
  medianMinutesToMitigate: number | null;
  medianMinutesToDetect: number | null;
  medianScore: number | null;
  /** Median time to mitigate within par. Null when nothing was mitigated. */
  withinPar: boolean | null;
}

/** Per level played: the median of the attempts in view against the level's par (one attempt counted once). */
export function parComparison(attempts: readonly ReadinessAttempt[], levels: readonly ReadinessLevel[]): ParRow[] {
  const once = new Map<string, ReadinessAttempt>();
  for (const a of attempts) if (!once.has(a.attemptId)) once.set(a.attemptId, a);
  const rows: ParRow[] = [];
  for (const l of levels) {
    const mine = [...once.values()].filter((a) => a.levelId === l.id);
    if (mine.length === 0) continue;
    const ttm = median(mine.map((a) => a.minutesToMitigate));
    rows.push({
      levelId: l.id,
      title: l.title,
      parMinutes: l.parMinutes,
      attempts: mine.length,
      medianMinutesToMitigate: ttm,
      medianMinutesToDetect: median(mine.map((a) => a.minutesToDetect)),
      medianScore: round1(median(mine.map((a) => a.score))),
      withinPar: ttm === null ? null : ttm <= l.parMinutes,
    });
  }
  return rows;
}
