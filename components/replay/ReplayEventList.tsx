"use client";
/**
 * The attempt's timeline beside the replay: every event with its time, the
 * current one highlighted and kept in view while playing; each one a button
 * that seeks there (the keyboard path to what the axis markers show).
 */
import { useEffect, useRef } from "react";
import { markerOf } from "@/lib/replay/markers";
import { TONE_CLASS } from "./marker-tone-class";
import { clock } from "@/lib/replay/seek";
import type { TimelineEventView } from "@/lib/timeline/event-view";

export function ReplayEventList({
  events,
  offsets,
  current,
  follow,
  onSeek,
}: {
  events: TimelineEventView[];
  /** Offset (ms) of each event. */
  offsets: number[];
  /** Index of the current event, or -1 before the first. */
  current: number;
  /** Keep the current event in view (while playing). */
  follow: boolean;
  onSeek: (to: number) => void;
}) {
  const box = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const list = box.current;
    const item = list?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (!follow || !list || !item) return;
    const top = item.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
  }, [current, follow]);

  if (events.length === 0) return <p className="text-sm text-slate-500">Nothing was recorded on the timeline.</p>;
  return (
    <ol ref={box} className="relative max-h-[34rem] space-y-0.5 overflow-auto text-sm" data-testid="replay-events">
      {events.map((e, i) => {
        const style = markerOf(e);
        const isCurrent = i === current;
        const future = i > current;
        return (
          <li key={e.id} data-index={i}>
            <button
              type="button"
              onClick={() => onSeek(offsets[i] ?? 0)}
              aria-current={isCurrent ? "step" : undefined}
              data-testid="replay-event"
              data-kind={e.kind}
              className={`grid w-full grid-cols-[3.5rem_1fr] gap-2 rounded px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-ember-600 border-l-2 ${isCurrent ? "border-ember-600 bg-ember-50 ring-1 ring-orange-300" : future ? "border-dashed border-slate-300" : "border-transparent"}`}
              data-future={future || undefined}
            >
              <span className="font-mono text-xs text-slate-600 tabular-nums">{clock(offsets[i] ?? 0)}</span>
              <span className="min-w-0">
                <span className={`mr-1 text-xs font-medium ${style ? TONE_CLASS[style.tone].text : "text-slate-500"}`}>
                  {(style?.kind ?? e.kind.toLowerCase()).replace("_", " ")}
                </span>
                <span
                  className={e.kind === "COMMAND" ? "font-mono text-xs break-all text-slate-700" : "text-slate-800"}
                >
                  {e.text}
                </span>
                {e.actor && <span className="ml-1 text-xs text-slate-500">— {e.actor.name}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
