"use client";
/**
 * The incident channel: the team's chat and status updates, role changes,
 * severity, checks, facilitators' notes and stakeholders' messages (with the
 * time left to answer), live. Members post; Enter sends, Shift+Enter adds a
 * line; what was typed stays when sending fails.
 */
import { useEffect, useRef, useState } from "react";
import type { TimelineEventView } from "@/lib/timeline/event-view";
import { ChannelComposer } from "./ChannelComposer";
import { ChannelItem, replyToOf } from "./ChannelItem";

export function ChannelPanel({
  attemptId,
  events,
  error,
  loaded,
  canPost,
  watching,
  visible = true,
  firstUnread = null,
}: {
  attemptId: string;
  events: TimelineEventView[];
  error: string | null;
  loaded: boolean;
  /** Members while the incident is live. */
  canPost: boolean;
  /** A facilitator or lead looking on (read-only). */
  watching: boolean;
  /** The panel is shown (a hidden list cannot be scrolled). */
  visible?: boolean;
  /** The index of the first item not seen before the channel was opened. */
  firstUnread?: number | null;
}) {
  const [replyTo, setReplyTo] = useState<TimelineEventView | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const stick = useRef(true);

  const byId = new Map(events.map((e) => [e.id, e]));
  const answers = new Map<string, TimelineEventView>();
  for (const e of events) {
    const to = replyToOf(e);
    if (to && !answers.has(to)) answers.set(to, e);
  }

  useEffect(() => {
    const el = list.current;
    if (el && stick.current && visible) el.scrollTop = el.scrollHeight;
  }, [events.length, visible]);

  // Opened: at the first unread item if there is one, else at the newest (never at the top).
  useEffect(() => {
    const el = list.current;
    if (!visible || !el) return;
    const first = firstUnread !== null && firstUnread < el.children.length ? el.children[firstUnread] : null;
    if (first instanceof HTMLElement) {
      el.scrollTop = first.offsetTop - 8; // the list is the offsetParent (relative)
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    } else {
      el.scrollTop = el.scrollHeight;
      stick.current = true;
    }
  }, [visible, firstUnread]);

  // Reply mode adds a line above the box: keep the card being answered (and its Reply button) in view.
  useEffect(() => {
    if (!replyTo) return;
    list.current?.querySelector(`[data-event-id="${CSS.escape(replyTo.id)}"]`)?.scrollIntoView({ block: "nearest" });
    input.current?.scrollIntoView({ block: "nearest" });
  }, [replyTo]);

  return (
    <div className="flex h-full min-h-[15rem] flex-col gap-2" data-testid="channel">
      <ol
        ref={list}
        onScroll={(ev) => {
          const el = ev.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
        className="relative min-h-[5rem] flex-1 space-y-2 overflow-auto pb-1"
        aria-label="Incident channel"
        aria-live="polite"
      >
        {events.map((e, i) => (
          <li
            key={e.id}
            data-testid="channel-item"
            data-kind={e.kind}
            data-event-id={e.id}
            data-first-unread={firstUnread === i ? "true" : undefined}
            className={firstUnread === i && i > 0 ? "border-t-2 border-ember-500 pt-2" : undefined}
          >
            <ChannelItem
              e={e}
              replied={byId.get(replyToOf(e) ?? "")}
              answers={answers}
              canReply={canPost}
              onReply={(target) => {
                setReplyTo(target);
                input.current?.focus();
              }}
            />
          </li>
        ))}
      </ol>
      {loaded && events.length === 0 && !error && (
        <p className="text-sm text-slate-500">
          {canPost
            ? "Nothing here yet. Post what you see and what you are trying; status updates keep everyone informed."
            : "Nothing posted yet. Messages, status updates, roles and injects appear here as they happen."}
        </p>
      )}
      {error && <p className="text-sm text-red-700">{error}</p>}
      {canPost ? (
        <ChannelComposer
          attemptId={attemptId}
          inputRef={input}
          replyTo={replyTo}
          onStopReplying={() => setReplyTo(null)}
        />
      ) : watching ? (
        <p className="border-t border-slate-100 pt-2 text-xs text-slate-500">
          You are watching: the players post here. Facilitators speak through injects and coaching.
        </p>
      ) : null}
    </div>
  );
}
