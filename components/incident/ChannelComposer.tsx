"use client";
/**
 * Posting to the incident channel: a message, or a status update when ticked
 * (the box resets after posting), optionally as the answer to a stakeholder.
 * Enter sends, Shift+Enter adds a line; what was typed stays when sending fails.
 */
import { type RefObject, useId, useState } from "react";
import { Button } from "@/components/Button";
import { fieldClass } from "@/components/forms/field-styles";
import { liveRequest } from "@/components/live/live-socket";
import type { TimelineEventView } from "@/lib/timeline/event-view";
import type { InjectData } from "./ChannelItem";

export function ChannelComposer({
  attemptId,
  inputRef: input,
  replyTo,
  onStopReplying,
}: {
  attemptId: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** The stakeholder's message being answered, if any. */
  replyTo: TimelineEventView | null;
  onStopReplying: () => void;
}) {
  const [text, setText] = useState("");
  const [asStatus, setAsStatus] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();

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
    onStopReplying();
    input.current?.focus();
  }

  return (
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
            Replying to {(replyTo.data as InjectData).from ?? "the stakeholder"}: {(replyTo.data as InjectData).message}
          </span>
          <button
            type="button"
            className="rounded px-1 hover:bg-amber-100"
            onClick={onStopReplying}
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
  );
}
