"use client";
/**
 * One item of the incident channel, drawn by kind: a chat line, a status
 * update, a stakeholder's message with the time left to answer (and Reply), a
 * second fault, the severity, a facilitator's hint or message, or a plain line.
 */
import { Button } from "@/components/Button";
import { HintIcon } from "@/components/icons";
import { formatClock, useNow } from "@/components/use-now";
import { formatTime } from "@/lib/format";
import type { TimelineEventView } from "@/lib/timeline/event-view";

export interface InjectData {
  kind?: string;
  from?: string;
  message?: string;
  dueAt?: string;
  injectId?: string;
}
const textOf = (e: TimelineEventView) => (e.data as { text?: string } | null)?.text ?? e.text;
export const replyToOf = (e: TimelineEventView) => (e.data as { replyTo?: string } | null)?.replyTo;
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

export function ChannelItem({
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
