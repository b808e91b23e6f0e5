"use client";
/**
 * A facilitator's hint or message to an attempt's players, sent over the live
 * socket ("coach:send"). Used on the live board and inside the incident room.
 * What was typed stays when sending fails.
 */
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/Button";
import { FormMessage } from "@/components/FormMessage";
import { liveRequest } from "@/components/live/live-socket";
import { fieldClass } from "@/components/forms/field-styles";

const MAX = 2000;

export function CoachForm({
  attemptId,
  onCancel,
  autoFocus = false,
}: {
  attemptId: string;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [kind, setKind] = useState<"message" | "hint">("message");
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ status: "idle" | "ok" | "error"; message?: string }>({ status: "idle" });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setOutcome({ status: "error", message: "Write something to send." });
      return;
    }
    setSending(true);
    const r = await liveRequest("coach:send", { attemptId, kind, text });
    setSending(false);
    if (r.ok) {
      setText("");
      setOutcome({
        status: "ok",
        message: kind === "hint" ? "Hint sent to the players." : "Message sent to the players.",
      });
    } else {
      setOutcome({ status: "error", message: r.error.message });
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && onCancel) onCancel();
      }}
      className="space-y-3"
      data-testid="coach-form"
      aria-label="Coach the players"
    >
      <fieldset className="flex flex-wrap items-center gap-4 text-sm">
        <legend className="sr-only">Send as</legend>
        {(["message", "hint"] as const).map((k) => (
          <label key={k} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              className="accent-ember-600"
            />
            {k === "hint" ? "Hint" : "Message"}
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
          {kind === "hint" ? "Hint for the players" : "Message to the players"}
        </label>
        <textarea
          id={`${id}-text`}
          data-testid="coach-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={MAX}
          rows={3}
          autoFocus={autoFocus}
          aria-describedby={`${id}-count`}
          className={fieldClass()}
        />
        <p id={`${id}-count`} className="text-xs text-slate-500">
          {text.length}/{MAX} · the players see it at once; it is kept on the attempt&apos;s timeline.
        </p>
      </div>
      <FormMessage status={outcome.status} message={outcome.message} />
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={sending} data-testid="coach-send">
          {sending ? "Sending…" : kind === "hint" ? "Send hint" : "Send message"}
        </Button>
        {onCancel && (
          <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
            Close
          </Button>
        )}
      </div>
    </form>
  );
}
