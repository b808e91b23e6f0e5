"use client";
/**
 * The attempt replayed on one time axis for the debrief: terminals (one xterm
 * per recording, in tabs), checks, SLI changes, chat and the rest of the
 * timeline. Play/pause (Space), ←/→ five seconds, speed 1×/4×/16×, skip idle
 * gaps, seek with the slider, a marker or an event in the list.
 */
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { SliChart } from "@/components/shared/SliChart";
import type { ReplayView } from "@/lib/replay/load-replay";
import type { AttemptRecording } from "@/lib/replay/list-attempt-recordings";
import { markerOf } from "@/lib/replay/markers";
import { activityTimes, clock, currentIndex } from "@/lib/replay/seek";
import { sliBands, sliPoints, sliSamplesUpTo } from "@/lib/replay/sli-samples";
import { ReplayAxis, type AxisMarker } from "./ReplayAxis";
import { ReplayEventList } from "./ReplayEventList";
import { ReplayTerminal } from "./ReplayTerminal";
import { useCasts } from "./use-casts";
import { SPEEDS, useReplayClock } from "./use-replay-clock";

const SEEK_STEP_MS = 5_000;

/** Keys typed into a form control (other than the slider) are not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("[data-replay-terminal]")) return false;
  if (target instanceof HTMLInputElement) return target.type !== "range";
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLButtonElement ||
    target instanceof HTMLAnchorElement ||
    target.isContentEditable
  );
}

function recordingLabel(r: AttemptRecording): string {
  // A game day's shells are shared (session "team-<instance>"): everyone typed there, not only who opened it.
  const who = r.session.startsWith("team-") ? "shared by the team" : r.user;
  return [r.instance ?? "shell", who].filter(Boolean).join(" · ");
}

/** Labels for the shells' tabs, numbered where two would read the same (two sessions on one machine). */
function recordingLabels(recordings: readonly AttemptRecording[]): Map<string, string> {
  const plain = recordings.map(recordingLabel);
  const seen = new Map<string, number>();
  return new Map(
    recordings.map((r, i) => {
      const label = plain[i]!;
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      const twins = plain.filter((l) => l === label).length;
      return [r.session, twins > 1 ? `${label} #${n}` : label];
    }),
  );
}

export function ReplayPlayer({ replay }: { replay: ReplayView }) {
  const { events, recordings, bounds } = replay;
  const labels = useMemo(() => recordingLabels(recordings), [recordings]);
  const labelOf = (r: AttemptRecording) => labels.get(r.session) ?? recordingLabel(r);
  const startMs = Date.parse(bounds.start);
  const duration = bounds.durationMs;

  const offsets = useMemo(() => events.map((e) => Date.parse(e.at) - startMs), [events, startMs]);
  const markers = useMemo<AxisMarker[]>(
    () =>
      events.flatMap((e, i) => {
        const style = markerOf(e);
        return style ? [{ id: e.id, at: offsets[i]!, text: e.text, style }] : [];
      }),
    [events, offsets],
  );
  const points = useMemo(() => sliPoints(events, startMs), [events, startMs]);
  const bands = useMemo(() => sliBands(points, duration), [points, duration]);
  const casts = useCasts(recordings, startMs);
  const activity = useMemo(
    () =>
      activityTimes(
        offsets,
        ...Object.values(casts).map((c) => (c.status === "ready" ? c.track.at : [])),
        recordings.map((r) => Date.parse(r.startedAt) - startMs),
      ),
    [offsets, casts, recordings, startMs],
  );
  const { t, playing, speed, skip, seek, seekBy, toggle, setSpeed, setSkip } = useReplayClock(duration, activity);
  const [active, setActive] = useState(recordings[0]?.session ?? null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (e.key === " ") {
        e.preventDefault();
        toggle();
      } else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
        if (e.target instanceof HTMLInputElement) return; // the slider moves itself
        e.preventDefault();
        seekBy(e.key === "ArrowLeft" ? -SEEK_STEP_MS : SEEK_STEP_MS);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggle, seekBy]);

  const current = currentIndex(offsets, t);
  const samples = useMemo(() => sliSamplesUpTo(points, startMs, t), [points, startMs, t]);
  const activeRec = recordings.find((r) => r.session === active) ?? null;
  const activeStart = activeRec ? Date.parse(activeRec.startedAt) - startMs : 0;

  return (
    <div className="space-y-4" data-testid="replay-player" data-time={Math.round(t)}>
      <Card>
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <Button size="sm" onClick={toggle} aria-keyshortcuts="Space" data-testid="replay-play" className="w-20">
            {playing ? "Pause" : "Play"}
          </Button>
          <span className="font-mono text-sm text-slate-700 tabular-nums" data-testid="replay-clock">
            {clock(t)} / {clock(duration)}
          </span>
          <div role="group" aria-label="Speed" className="flex overflow-hidden rounded-md border border-slate-300">
            {SPEEDS.map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={speed === s}
                onClick={() => setSpeed(s)}
                className={`px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-ember-600 ${speed === s ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {s}×
              </button>
            ))}
          </div>
          <label
            className="flex items-center gap-2 text-sm text-slate-700"
            title="Jumps over quiet stretches longer than 5 s, so playback runs faster than the speed chosen"
          >
            <input
              type="checkbox"
              checked={skip}
              onChange={(e) => setSkip(e.target.checked)}
              data-testid="replay-skip-idle"
            />
            Skip idle gaps{skip ? " (faster than the speed chosen)" : ""}
          </label>
          <span className="ml-auto hidden text-xs text-slate-500 md:inline">Space play/pause · ←/→ 5 s</span>
        </div>
        <ReplayAxis t={t} durationMs={duration} markers={markers} bands={bands} onSeek={seek} />
      </Card>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-4">
          <Card title="Terminals" description="What the players typed and saw, as recorded.">
            {replay.recordingsError && (
              <p
                role="alert"
                className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
              >
                Terminal recordings are unavailable: {replay.recordingsError} The timeline still replays.
              </p>
            )}
            {recordings.length === 0 ? (
              !replay.recordingsError && (
                <EmptyState title="No terminal recordings">
                  Nobody opened a shell in this attempt. The timeline, checks and service level still replay.
                </EmptyState>
              )
            ) : (
              <div className="space-y-2">
                <div role="tablist" aria-label="Recorded shells" className="flex flex-wrap gap-1">
                  {recordings.map((r) => (
                    <button
                      key={r.session}
                      type="button"
                      role="tab"
                      aria-selected={r.session === active}
                      onClick={() => setActive(r.session)}
                      data-testid="replay-tab"
                      className={`rounded-md px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-ember-600 ${r.session === active ? "bg-slate-800 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
                    >
                      {labelOf(r)} <span className="text-xs">from {clock(Date.parse(r.startedAt) - startMs)}</span>
                    </button>
                  ))}
                </div>
                {recordings.map((r) => {
                  const cast = casts[r.session];
                  const visible = r.session === active;
                  if (!cast || cast.status === "loading")
                    return visible ? (
                      <p key={r.session} className="text-sm text-slate-500">
                        Loading the recording…
                      </p>
                    ) : null;
                  if (cast.status === "error")
                    return visible ? (
                      <p key={r.session} role="alert" className="text-sm text-red-700">
                        {cast.message}
                      </p>
                    ) : null;
                  return (
                    <ReplayTerminal
                      key={r.session}
                      header={cast.header}
                      track={cast.track}
                      t={t}
                      visible={visible}
                      label={`Recorded shell ${labelOf(r)}`}
                    />
                  );
                })}
                {activeRec && (
                  <p className="flex flex-wrap items-center gap-x-3 text-xs text-slate-500">
                    <span>
                      {t < activeStart
                        ? `This shell opens at ${clock(activeStart)}.`
                        : `Recorded ${clock(activeStart)} → ${clock(activeStart + activeRec.durationSeconds * 1000)}.`}
                    </span>
                  </p>
                )}
                <ul className="space-y-0.5 border-t border-slate-100 pt-2 text-sm" aria-label="Downloads">
                  {recordings.map((r) => (
                    <li key={r.session}>
                      <a
                        href={r.url}
                        download={r.fileName}
                        className="text-ember-700 underline hover:text-ember-600"
                        data-testid="replay-download"
                      >
                        Download .cast
                      </a>{" "}
                      <span className="text-slate-500">
                        {labelOf(r)} · {r.fileName} · plays in asciinema (
                        <code className="text-xs">asciinema play {r.fileName}</code>)
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Card>
          <Card title="What users saw" description="The service level, rebuilt from its recorded changes.">
            {points.length === 0 ? (
              <p className="text-sm text-slate-500">No service-level changes were recorded.</p>
            ) : (
              <SliChart samples={samples} replay />
            )}
          </Card>
        </div>
        <Card title="Timeline" description="Select an event to jump to it.">
          <ReplayEventList events={events} offsets={offsets} current={current} follow={playing} onSeek={seek} />
        </Card>
      </div>
    </div>
  );
}
