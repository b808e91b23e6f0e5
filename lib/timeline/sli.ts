/**
 * What the mock client's SLI means for the attempt: a coarse state (recorded as
 * an SLI event when it changes) and the error budget burned, in bad
 * request-minutes (the failing share of traffic × minutes). Pure.
 */
import type { SliSample } from "../contracts/orchestrator-api";
import type { SliState } from "./event-data";

export const HEALTHY_AT = 0.95;
export const DOWN_BELOW = 0.5;
/** A gap longer than this between samples (the orchestrator was away) is not counted. */
const MAX_GAP_MS = 60_000;

export function classifySli(sample: Pick<SliSample, "successRate" | "requests">): SliState | null {
  if (sample.successRate === null || sample.requests === 0) return null;
  if (sample.successRate >= HEALTHY_AT) return "healthy";
  return sample.successRate < DOWN_BELOW ? "down" : "degraded";
}

export const RANK_OF: Record<SliState, number> = { healthy: 0, degraded: 1, down: 2 };
const RANK = RANK_OF;

/**
 * Is moving from `previous` to `state` a change the timeline records? A rise
 * that has not reached healthy (down → degraded) is the rolling window
 * catching up with a recovery, not a new degradation: recording it put
 * "Service degraded" after "Fix check passed". Recovering, and every
 * worsening, are recorded; a healthy start is not news.
 */
export function isSliChange(previous: SliState | null, state: SliState): boolean {
  if (previous === state) return false;
  if (previous === null) return state !== "healthy";
  return state === "healthy" || RANK[state] > RANK[previous];
}

/** How long after a check its own disruption (a restarted machine, the rolling window) may still show. */
export const CHECK_SETTLE_MS = 20_000;

/** A fix check's run: from its start to its verdict (null while it runs). */
export interface CheckRun {
  startedAt: number;
  endedAt: number | null;
}

/**
 * The longest a check runs (the web app's wait for the orchestrator's verdict):
 * a start whose verdict never came (the orchestrator failed) stops counting then.
 */
export const CHECK_MAX_MS = 180_000;

/**
 * Does a sample taken at `at` fall while a check ran or settled? Checks may
 * restart machines (payload-too-large reboots the proxy), so a dip then is the
 * check's doing, not the incident's: it is not recorded as a new degradation.
 * A sample from before the check started is the incident's own, whenever it
 * is synced.
 */
export function duringCheck(at: number, run: CheckRun | null): boolean {
  if (run === null || at < run.startedAt) return false;
  return at <= (run.endedAt ?? run.startedAt + CHECK_MAX_MS) + CHECK_SETTLE_MS;
}

/** Bad request-minutes burned between `after` (exclusive) and the last sample. */
export function budgetBurned(samples: Pick<SliSample, "at" | "successRate">[], after?: Date): number {
  const sorted = samples
    .map((s) => ({ t: Date.parse(s.at), rate: s.successRate }))
    .filter((s) => Number.isFinite(s.t))
    .sort((a, b) => a.t - b.t);
  let total = 0;
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (after && cur.t <= after.getTime()) continue;
    const from = after ? Math.max(prev.t, after.getTime()) : prev.t;
    const gap = cur.t - from;
    if (gap <= 0 || cur.t - prev.t > MAX_GAP_MS || cur.rate === null) continue;
    total += (1 - cur.rate) * (gap / 60_000);
  }
  return total;
}
