"use client";
/** Time since the incident began, against the level's par; frozen at mitigation. */
import { useEffect, useState } from "react";

export function format(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export function Timer({
  startedAt,
  stoppedAt,
  parMinutes,
  running,
}: {
  startedAt: string;
  stoppedAt: string | null;
  parMinutes: number;
  running: boolean;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running || stoppedAt) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running, stoppedAt]);
  const end = stoppedAt ? Date.parse(stoppedAt) : running ? now : Date.parse(startedAt);
  const elapsed = end - Date.parse(startedAt);
  const over = elapsed > parMinutes * 60_000;
  return (
    <span className="inline-flex items-baseline gap-1" title={`Par: ${parMinutes} minutes`} data-testid="timer">
      <span className={`font-mono text-lg font-semibold tabular-nums ${over ? "text-amber-300" : "text-white"}`}>
        {format(elapsed)}
      </span>
      <span className="text-xs text-slate-400">/ par {parMinutes} min</span>
    </span>
  );
}
