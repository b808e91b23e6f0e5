"use client";
/**
 * The incident channel: the team's chat and status updates, role changes,
 * severity, checks, facilitators' notes and stakeholders' messages (with the
 * time left to answer), live. Members post; Enter sends, Shift+Enter adds a
 * line; what was typed stays when sending fails.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/Button";
import { fieldClass } from "@/components/forms/field-styles";
import { liveRequest } from "@/components/live/live-socket";
import type { TimelineEventView } from "@/lib/timeline/event-view";
import { HintIcon } from "@/components/icons";
import { formatClock, useNow } from "@/components/use-now";
import { formatTime } from "@/lib/format";

interface InjectData {
  kind?: string;
  from?: string;
  message?: string;
  dueAt?: string;
  injectId?: string;
}
const textOf = (e: TimelineEventView) => (e.data as { text?: string } | null)?.text ?? e.text;
const replyToOf = (e: TimelineEventView) => (e.data as { replyTo?: string } | null)?.replyTo;
const clock = formatTime;

function Stakeholder({
  e,
  answer,
  canReply,
  onReply,
}: {
  e: TimelineEventView;
  answer: TimelineEventView | undefined;
  canReply: boolean;
  onReply: () => void;
}) {
  const now = useNow();
  const d = e.data as InjectData;
  const due = d.dueAt ? Date.parse(d.dueAt) : null;
  let state: string;
  if (answer) {
    const took = Date.parse(answer.at) - Date.parse(e.at);
    const late = due !== null && Date.parse(answer.at) > due;
    state = `Answered by ${answer.actor?.name ?? "the team"} after ${formatClock(took)}${late ? " (late)" : ""}`;
  } else if (due === null) state = "Waiting for an answer";
  else state = due > now ? `Answer within ${formatClock(due - now)}` : `Overdue by ${formatClock(now - due)}`;
  const overdue = !answer && due !== null && due <= now;
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      data-testid="stakeholder-message"
      data-answered={answer ? "true" : "false"}
    >
      <p className="text-xs font-semibold text-amber-800">
        {d.from ?? "A stakeholder"} · {clock(e.at)}
      </p>
      <p className="whitespace-pre-wrap">{d.message}</p>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
        <span
          className={`text-xs font-medium ${overdue ? "text-red-700" : answer ? "text-emerald-700" : "text-amber-800"}`}
          data-testid="stakeholder-deadline"
        >
          {state}
        </span>
        {canReply && !answer && (
          <Button size="sm" variant="secondary" onClick={onReply} data-testid="reply-stakeholder">
            Reply
          </Button>
        )}
      </div>
    </div>
  );
}

function Line({ e, tone = "text-slate-500" }: { e: TimelineEventView; tone?: string }) {
  return (
    <p className={`text-xs ${tone}`}>
      <span className="font-mono text-slate-500">{clock(e.at)}</span> {e.text}
    </p>
  );
}

function Item({
  e,
  replied,
  answers,
  canReply,
  onReply,
}: {
  e: TimelineEventView;
  replied: TimelineEventView | undefined;
  answers: Map<string, TimelineEventView>;
  canReply: boolean;
  onReply: (e: TimelineEventView) => void;
}) {
  const who = e.actor?.name ?? "Someone";
  const replyNote = replied ? (
    <span className="block text-xs text-slate-500">↪ to {(replied.data as InjectData).from ?? "the stakeholder"}</span>
  ) : null;
  switch (e.kind) {
    case "CHAT":
      return (
        <div className="text-sm">
          <p>
            <span className="font-semibold text-slate-900">{who}</span>{" "}
            <span className="font-mono text-xs text-slate-500">{clock(e.at)}</span>
          </p>
          {replyNote}
          <p className="whitespace-pre-wrap text-slate-800">{textOf(e)}</p>
        </div>
      );
    case "STATUS_UPDATE":
      return (
        <div className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-950">
          <p className="text-xs font-semibold text-blue-800">
            Status update · {who} · {clock(e.at)}
          </p>
          {replyNote}
          <p className="whitespace-pre-wrap">{textOf(e)}</p>
        </div>
      );
    case "INJECT": {
      const d = e.data as InjectData;
      if (d.kind === "stakeholder")
        return <Stakeholder e={e} answer={answers.get(e.id)} canReply={canReply} onReply={() => onReply(e)} />;
      if (d.kind === "fault")
        return <Line e={{ ...e, text: `Second fault injected (${d.injectId ?? "?"})` }} tone="text-red-700" />;
      return <Line e={e} tone="text-amber-800" />;
    }
    case "SEVERITY":
      return <Line e={e} tone="font-medium text-red-700" />;
    case "NOTE": {
      // A facilitator's hint is help, not conversation: it must not look like a chat line.
      const hint = (e.data as { kind?: string } | null)?.kind === "hint";
      return hint ? (
        <div
          className="flex gap-2 rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-1.5 text-sm text-amber-950"
          data-testid="channel-hint"
        >
          <HintIcon />
          <p>
            <span className="text-xs font-semibold uppercase tracking-wide">Hint from {who} · </span>
            <span className="whitespace-pre-wrap">{textOf(e)}</span>
          </p>
        </div>
      ) : (
        <p className="rounded-md bg-violet-50 px-3 py-1.5 text-sm text-violet-900">
          <span className="text-xs font-semibold">Facilitator {who} · </span>
          {textOf(e)}
        </p>
      );
    }
    default:
      return <Line e={e} />;
  }
}

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
  const [text, setText] = useState("");
  const [asStatus, setAsStatus] = useState(false);
  const [replyTo, setReplyTo] = useState<TimelineEventView | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const stick = useRef(true);
  const ids = useId();

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

  async function send() {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setProblem(null);
    const r = await liveRequest("chat:send", {
      attemptId,
      kind: asStatus ? "STATUS_UPDATE" : "CHAT",
      text: body,
      ...(replyTo ? { replyTo: replyTo.id } : {}),
    });
    setSending(false);
    if (!r.ok) {
      setProblem(r.error.message);
      return;
    }
    setText("");
    setAsStatus(false);
    setReplyTo(null);
    input.current?.focus();
  }

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
            <Item
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
        <form
          className="space-y-2 border-t border-slate-100 pt-2"
          onSubmit={(ev) => {
            ev.preventDefault();
            void send();
          }}
        >
          {replyTo && (
            <p className="flex items-center justify-between gap-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
              <span className="truncate">
                Replying to {(replyTo.data as InjectData).from ?? "the stakeholder"}:{" "}
                {(replyTo.data as InjectData).message}
              </span>
              <button
                type="button"
                className="rounded px-1 hover:bg-amber-100"
                onClick={() => setReplyTo(null)}
                aria-label="Stop replying"
              >
                ×
              </button>
            </p>
          )}
          <label htmlFor={`${ids}-msg`} className="sr-only">
            Message to the incident channel
          </label>
          <textarea
            id={`${ids}-msg`}
            ref={input}
            rows={2}
            value={text}
            onChange={(ev) => setText(ev.target.value)}
            onKeyDown={(ev) => {
              if (ev.key === "Enter" && !ev.shiftKey && !ev.nativeEvent.isComposing) {
                ev.preventDefault();
                void send();
              }
            }}
            placeholder={asStatus ? "Status update: impact, what we know, next update in…" : "Message the team"}
            className={fieldClass({ extra: "resize-y" })}
            maxLength={2000}
            data-testid="channel-input"
          />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={asStatus}
                onChange={(ev) => setAsStatus(ev.target.checked)}
                data-testid="channel-as-status"
              />
              Post as a status update
            </label>
            <Button type="submit" size="sm" disabled={sending || !text.trim()} data-testid="channel-send">
              {sending ? "Sending…" : "Send"}
            </Button>
          </div>
          {problem && (
            <p role="alert" className="text-sm text-red-700">
              {problem}
            </p>
          )}
        </form>
      ) : watching ? (
        <p className="border-t border-slate-100 pt-2 text-xs text-slate-500">
          You are watching: the players post here. Facilitators speak through injects and coaching.
        </p>
      ) : null}
    </div>
  );
}
