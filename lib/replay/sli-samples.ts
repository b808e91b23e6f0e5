/**
 * The service level over a replay, rebuilt from the SLI events (the mock
 * client's samples are gone with the environment): a step series the chart
 * can draw up to the replay's current time, and the state bands for the axis.
 */
import type { SliSample } from "../contracts/orchestrator-api";
import { readEventData, type SliState } from "../timeline/event-data";

export interface SliPoint {
  /** Offset from the attempt's start, ms. */
  at: number;
  state: SliState;
  successRate: number | null;
  p95Ms: number | null;
  lastError: string | null;
}

export function sliPoints(events: { kind: string; at: string; data: unknown }[], startMs: number): SliPoint[] {
  return events.flatMap((e) => {
    if (e.kind !== "SLI") return [];
    const d = readEventData("SLI", e.data);
    if (!d) return [];
    return [
      {
        at: Date.parse(e.at) - startMs,
        state: d.state,
        successRate: d.successRate,
        p95Ms: d.p95Ms,
        lastError: d.lastError,
      },
    ];
  });
}

/** Samples up to offset t: each value held until the next change (a step line), the last held until t. */
export function sliSamplesUpTo(points: SliPoint[], startMs: number, t: number): SliSample[] {
  const shown = points.filter((p) => p.at <= t);
  const sample = (p: SliPoint, at: number): SliSample => ({
    at: new Date(startMs + at).toISOString(),
    successRate: p.successRate,
    p50Ms: null,
    p95Ms: p.p95Ms,
    requests: 1,
    failures: 0,
    lastError: p.lastError,
  });
  return shown.flatMap((p, i) => {
    const until = Math.max(p.at, i + 1 < shown.length ? shown[i + 1]!.at - 1 : t);
    return until > p.at ? [sample(p, p.at), sample(p, until)] : [sample(p, p.at)];
  });
}

/** The axis' colour bands: [from, to) offsets in each state. */
export function sliBands(points: SliPoint[], end: number): { from: number; to: number; state: SliState }[] {
  return points
    .map((p, i) => ({ from: p.at, to: Math.min(end, points[i + 1]?.at ?? end), state: p.state }))
    .filter((b) => b.to > b.from);
}
