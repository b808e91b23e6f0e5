"use client";
/**
 * The nearest unanswered stakeholder's deadline, in the room's header, so an
 * inject is not missed by whoever is not looking at the channel. Clicking it
 * opens the channel.
 */
import { formatClock, useNow } from "@/components/use-now";
import { openAsks } from "@/lib/injects/open-asks";
import type { TimelineEventView } from "@/lib/timeline/event-view";

export function StakeholderDeadline({ events, onOpen }: { events: readonly TimelineEventView[]; onOpen: () => void }) {
  const now = useNow();
  const asks = openAsks(events);
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
