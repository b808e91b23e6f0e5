"use client";
/**
 * The incident channel's events for the room: the history from the server on
 * mount and after every rejoin (`reloadKey` changes), then each "timeline"
 * live event of a channel kind, deduplicated by id and kept in time order.
 */
import { useCallback, useEffect, useState } from "react";
import { useLiveEvent } from "@/components/live/use-live";
import { inChannel } from "@/lib/team-play/channel";
import type { TimelineEventView } from "@/lib/timeline/event-view";
import { api } from "@/components/shared/api";

function merge(prev: TimelineEventView[], more: TimelineEventView[]): TimelineEventView[] {
  const byId = new Map(prev.map((e) => [e.id, e]));
  for (const e of more) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
}

function isEventView(p: unknown): p is TimelineEventView {
  const e = p as Partial<TimelineEventView> | null;
  return !!e && typeof e.id === "string" && typeof e.attemptId === "string" && typeof e.kind === "string" && !!e.at;
}

export function useChannel(attemptId: string, mode: "rw" | "ro", reloadKey: number) {
  const [events, setEvents] = useState<TimelineEventView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  /** How many events the first load brought (the room counts unread ones after that). */
  const [initialCount, setInitialCount] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api<{ events: TimelineEventView[] }>(`/api/attempts/${attemptId}/channel`).then((r) => {
      if (cancelled) return;
      setLoaded(true);
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setError(null);
      setInitialCount((n) => n ?? r.data.events.length);
      setEvents((prev) => merge(prev, r.data.events));
    });
    return () => {
      cancelled = true;
    };
  }, [attemptId, reloadKey]);

  const onTimeline = useCallback(
    (payload: unknown) => {
      if (!isEventView(payload) || payload.attemptId !== attemptId || !inChannel(payload, mode)) return;
      setEvents((prev) => merge(prev, [payload]));
    },
    [attemptId, mode],
  );
  useLiveEvent("timeline", onTimeline);

  return { events, error, loaded, initialCount: initialCount ?? 0 };
}
