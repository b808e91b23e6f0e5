"use client";
/**
 * The replay's time axis: a slider for the current time, a marker per
 * notable event above it (click one to jump there), and the service level's
 * state as coloured bands below it.
 */
import type { SliState } from "@/lib/timeline/event-data";
import type { MarkerStyle } from "@/lib/replay/markers";
import { TONE_CLASS } from "./marker-tone-class";
import { clock } from "@/lib/replay/seek";

export interface AxisMarker {
  id: string;
  at: number;
  text: string;
  style: MarkerStyle;
}

const BAND: Record<SliState, string> = { healthy: "bg-emerald-400", degraded: "bg-amber-400", down: "bg-red-500" };

export function ReplayAxis({
  t,
  durationMs,
  markers,
  bands,
  onSeek,
}: {
  t: number;
  durationMs: number;
  markers: AxisMarker[];
  bands: { from: number; to: number; state: SliState }[];
  onSeek: (to: number) => void;
}) {
  const pct = (at: number) => `${durationMs > 0 ? Math.min(100, Math.max(0, (at / durationMs) * 100)) : 0}%`;
  return (
    <div className="space-y-1" data-testid="replay-axis">
      <div className="relative mx-2 h-5" aria-hidden="true">
        {markers.map((m) => (
          <button
            key={m.id}
            type="button"
            tabIndex={-1}
            title={`${clock(m.at)} · ${m.style.kind}: ${m.text}`}
            data-testid="replay-marker"
            data-tone={m.style.tone}
            onClick={() => onSeek(m.at)}
            className={`absolute top-0 h-5 w-1.5 -translate-x-1/2 rounded-sm hover:scale-x-150 focus:outline-none ${TONE_CLASS[m.style.tone].dot}`}
            style={{ left: pct(m.at) }}
          />
        ))}
      </div>
      <input
        type="range"
        min={0}
        max={Math.max(durationMs, 1)}
        step={1000}
        value={t}
        onChange={(e) => onSeek(Number(e.target.value))}
        aria-label="Replay time"
        aria-valuetext={`${clock(t)} of ${clock(durationMs)}`}
        data-testid="replay-slider"
        className="w-full accent-ember-600"
      />
      <div className="relative mx-2 h-1.5 overflow-hidden rounded-full bg-slate-200" title="Service level over time">
        {bands.map((b) => (
          <div
            key={b.from}
            className={`absolute inset-y-0 ${BAND[b.state]}`}
            style={{ left: pct(b.from), width: `calc(${pct(b.to)} - ${pct(b.from)})` }}
          />
        ))}
      </div>
    </div>
  );
}
