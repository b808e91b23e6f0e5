"use client";
/**
 * The nearest unanswered stakeholder's deadline, in the room's header, so an
 * inject is not missed by whoever is not looking at the channel. Clicking it
 * opens the channel.
 */
import { formatClock, useNow } from "@/components/use-now";
import type { TimelineEventView } from "@/lib/timeline/event-view";

interface Ask {
  id: string;
  from: string;
  dueAt: number;
}

/** Stakeholder injects with a deadline that nobody has replied to yet. */
export function openAsks(events: readonly TimelineEventView[]): Ask[] {
  const answered = new Set(events.map((e) => (e.data as { replyTo?: unknown } | null)?.replyTo).filter(Boolean));
  return events.flatMap((e) => {
    const d = e.data as { kind?: string; from?: string; dueAt?: string } | null;
    if (e.kind !== "INJECT" || d?.kind !== "stakeholder" || !d.dueAt || answered.has(e.id)) return [];
    return [{ id: e.id, from: d.from ?? "A stakeholder", dueAt: Date.parse(d.dueAt) }];
  });
}

export function StakeholderDeadline({ events, onOpen }: { events: readonly TimelineEventView[]; onOpen: () => void }) {
  const now = useNow();
  const asks = openAsks(events).sort((a, b) => a.dueAt - b.dueAt);
  const next = asks[0];
  if (!next) return null;
  const overdue = next.dueAt <= now;
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="room-stakeholder-deadline"
      className={`rounded-md px-2 py-1 text-xs font-semibold ring-1 ${overdue ? "bg-red-600 text-white ring-red-400" : "bg-amber-300 text-amber-950 ring-amber-200"}`}
      title="Open the channel to reply"
    >
      {next.from} waits:{" "}
      {overdue ? `overdue by ${formatClock(now - next.dueAt)}` : `${formatClock(next.dueAt - now)} to answer`}
      {asks.length > 1 ? ` (+${asks.length - 1})` : ""}
    </button>
  );
}
