/**
 * The replay's time arithmetic, pure: which recorded output belongs on screen
 * at a time, what to write when moving forward (incrementally) or backward
 * (reset, then everything up to t), where the clock goes next at a speed, and
 * how idle gaps are skipped. Times are milliseconds from the attempt's start.
 */
import { parseSize, type CastEvent } from "./parse-cast";

/** What a terminal does to reach a point: write text, or resize. */
export type ScreenOp = { write: string } | { resize: { cols: number; rows: number } };

/** A recording placed on the attempt's time axis: its screen events with absolute offsets. */
export interface Track {
  /** Offset (ms) of each event, ascending; same length as `events`. */
  at: number[];
  events: CastEvent[];
}

export function toTrack(events: CastEvent[], startOffsetMs: number): Track {
  const screen = events.filter((e) => e.code === "o" || e.code === "r");
  return { events: screen, at: screen.map((e) => startOffsetMs + e.t * 1000) };
}

/** How many of the ascending `times` are ≤ t (binary search). */
export function countUpTo(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last of the ascending `times` that is ≤ t, or -1. */
export function currentIndex(times: readonly number[], t: number): number {
  return countUpTo(times, t) - 1;
}

/** The ops for events [from, to), consecutive writes merged. */
export function opsBetween(track: Track, from: number, to: number): ScreenOp[] {
  const ops: ScreenOp[] = [];
  let text = "";
  for (let i = Math.max(0, from); i < Math.min(to, track.events.length); i++) {
    const e = track.events[i]!;
    if (e.code === "o") {
      text += e.data;
      continue;
    }
    const size = parseSize(e.data);
    if (!size) continue;
    if (text) ops.push({ write: text });
    text = "";
    ops.push({ resize: size });
  }
  if (text) ops.push({ write: text });
  return ops;
}

/**
 * Moving a terminal from `shown` events to time t: forward writes only what is
 * new; backward asks for a reset and rewrites from the first event.
 */
export function seekTrack(track: Track, shown: number, t: number): { reset: boolean; ops: ScreenOp[]; shown: number } {
  const target = countUpTo(track.at, t);
  if (target >= shown) return { reset: false, ops: opsBetween(track, shown, target), shown: target };
  return { reset: true, ops: opsBetween(track, 0, target), shown: target };
}

/** Where the clock is after `elapsedMs` of real time at `speed`, stopped at `end`. */
export function advance(t: number, elapsedMs: number, speed: number, end: number): number {
  return Math.min(end, t + Math.max(0, elapsedMs) * speed);
}

/** The first of the ascending `times` strictly after t, or null. */
export function nextAfter(times: readonly number[], t: number): number | null {
  const i = countUpTo(times, t);
  return i < times.length ? times[i]! : null;
}

/**
 * Skipping idle gaps: when nothing happens for longer than `gapMs` after t, jump
 * to `leadMs` before the next thing that does (or to the end when nothing does).
 */
export function skipIdle(times: readonly number[], t: number, end: number, gapMs: number, leadMs: number): number {
  const next = nextAfter(times, t) ?? end;
  return next - t > gapMs ? Math.max(t, next - leadMs) : t;
}

/** All the moments something happens (events, terminal output), merged ascending and deduplicated. */
export function activityTimes(...lists: (readonly number[])[]): number[] {
  const all = lists.flat().sort((a, b) => a - b);
  return all.filter((v, i) => i === 0 || v !== all[i - 1]);
}

/** "m:ss" (or "h:mm:ss") for an offset in ms. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
