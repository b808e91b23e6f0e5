"use client";
/**
 * A facilitator's hints and messages, shown to the players as dismissible
 * banners the moment they arrive ("coach" live events). Mount it where the
 * page has joined the attempt's room (useAttemptRoom); it does not join itself,
 * so leaving this component never takes the page out of the room.
 */
import { useCallback, useState } from "react";
import { z } from "zod";
import { useLiveEvent } from "./use-live";

const CoachEventSchema = z.object({
  attemptId: z.string(),
  kind: z.enum(["hint", "message"]).optional(),
  from: z.string(),
  text: z.string(),
  at: z.string(),
});
type CoachEvent = z.infer<typeof CoachEventSchema> & { key: string };

/** Older messages beyond this are dropped (they stay on the timeline). */
const KEEP = 5;

export function CoachMessages({ attemptId }: { attemptId: string }) {
  const [items, setItems] = useState<CoachEvent[]>([]);
  const onCoach = useCallback(
    (payload: unknown) => {
      const m = CoachEventSchema.safeParse(payload);
      if (!m.success || m.data.attemptId !== attemptId) return;
      const key = `${m.data.at}-${m.data.from}-${m.data.text.length}`;
      setItems((prev) => (prev.some((p) => p.key === key) ? prev : [...prev, { ...m.data, key }].slice(-KEEP)));
    },
    [attemptId],
  );
  useLiveEvent("coach", onCoach);

  return (
    <div role="status" aria-live="polite" className="space-y-2" data-testid="coach-messages">
      {items.map((m) => (
        <div
          key={m.key}
          data-testid="coach-message"
          className="flex items-start gap-3 rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900"
        >
          <p className="flex-1">
            <span className="font-semibold">
              {m.kind === "hint" ? `Hint from facilitator ${m.from}` : `Facilitator ${m.from}`}:
            </span>{" "}
            <span className="whitespace-pre-wrap">{m.text}</span>
          </p>
          <button
            type="button"
            onClick={() => setItems((prev) => prev.filter((p) => p.key !== m.key))}
            className="rounded px-1.5 text-violet-700 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-violet-600"
            aria-label={`Dismiss the message from ${m.from}`}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
