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

const RANK: Record<SliState, number> = { healthy: 0, degraded: 1, down: 2 };

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
