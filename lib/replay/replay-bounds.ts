/**
 * The replay's time axis: from the attempt's start to the last thing that
 * belongs to it (its end or mitigation, its last event, the end of its last
 * recording, whichever is latest; "now" while it is still open). Pure.
 */
export interface ReplayBounds {
  start: string;
  end: string;
  /** Axis length in ms. */
  durationMs: number;
}

export function replayBounds(input: {
  startedAt: Date;
  endedAt: Date | null;
  mitigatedAt: Date | null;
  /** True while the incident is still open (no end yet). */
  open: boolean;
  now: Date;
  eventTimes: string[];
  recordings: { startedAt: string; durationSeconds: number }[];
}): ReplayBounds {
  const start = input.startedAt.getTime();
  const candidates = [
    input.endedAt?.getTime() ?? input.mitigatedAt?.getTime() ?? start,
    ...input.eventTimes.map((t) => Date.parse(t)),
    ...input.recordings.map((r) => Date.parse(r.startedAt) + r.durationSeconds * 1000),
    ...(input.open ? [input.now.getTime()] : []),
  ].filter((t) => Number.isFinite(t));
  const end = Math.max(start, ...candidates);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString(), durationMs: end - start };
}
