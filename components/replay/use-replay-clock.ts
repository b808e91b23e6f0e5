"use client";
/**
 * The replay's clock: the current offset (ms from the attempt's start), play
 * and pause, a speed, and optional skipping of idle gaps. Ticks ten times a
 * second; stops at the end; playing from the end starts again.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { advance, skipIdle } from "@/lib/replay/seek";

export const SPEEDS = [1, 4, 16] as const;
export type Speed = (typeof SPEEDS)[number];

/** Quiet stretches longer than this are skipped when asked, landing a second before the next thing. */
const IDLE_GAP_MS = 5_000;
const LEAD_MS = 1_000;
const TICK_MS = 100;

export function useReplayClock(durationMs: number, activity: readonly number[]) {
  const [t, setT] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  // Off by default: "16×" then means sixteen times real time, not ~90× with the quiet stretches jumped.
  const [skip, setSkip] = useState(false);
  const tRef = useRef(0);

  const seek = useCallback(
    (to: number) => {
      const next = Math.min(durationMs, Math.max(0, to));
      tRef.current = next;
      setT(next);
    },
    [durationMs],
  );

  const seekBy = useCallback((deltaMs: number) => seek(tRef.current + deltaMs), [seek]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const id = setInterval(() => {
      const now = performance.now();
      let next = advance(tRef.current, now - last, speed, durationMs);
      last = now;
      if (skip) next = skipIdle(activity, next, durationMs, IDLE_GAP_MS, LEAD_MS);
      tRef.current = next;
      setT(next);
      if (next >= durationMs) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(id);
  }, [playing, speed, skip, durationMs, activity]);

  const toggle = useCallback(() => {
    if (!playing && tRef.current >= durationMs) seek(0);
    setPlaying(!playing);
  }, [playing, durationMs, seek]);

  return { t, playing, speed, skip, seek, seekBy, toggle, setSpeed, setSkip };
}
