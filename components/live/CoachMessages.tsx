"use client";
/**
 * A facilitator's hints and messages, shown to the players as dismissible
 * banners the moment they arrive ("coach" live events). Mount it where the
 * page has joined the attempt's room (useAttemptRoom); it does not join itself,
 * so leaving this component never takes the page out of the room.
 */
import { useCallback, useState } from "react";
import { z } from "zod";
import { HintIcon } from "@/components/icons";
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

  const [expanded, setExpanded] = useState(false);
  // Compact: the newest only, the earlier ones one click away, so banners never grow into a wall.
  const shown = expanded ? items : items.slice(-1);
  const earlier = items.length - shown.length;

  return (
    <div role="status" aria-live="polite" className="space-y-1.5" data-testid="coach-messages">
      {shown.map((m) => {
        const hint = m.kind === "hint";
        return (
          <div
            key={m.key}
            data-testid="coach-message"
            data-kind={m.kind ?? "message"}
            className={`flex items-start gap-2 rounded-md border px-3 py-2 text-sm shadow-lg ${hint ? "border-amber-300 border-l-4 border-l-amber-500 bg-amber-50 text-amber-950" : "border-violet-200 bg-violet-50 text-violet-900"}`}
          >
            {hint && <HintIcon />}
            <p className="line-clamp-4 flex-1" title={m.text}>
              <span className="font-semibold">{hint ? `Hint from ${m.from}` : `Facilitator ${m.from}`}:</span>{" "}
              <span className="whitespace-pre-wrap">{m.text}</span>
            </p>
            <button
              type="button"
              onClick={() => setItems((prev) => prev.filter((p) => p.key !== m.key))}
              className={`rounded px-1.5 focus-visible:outline-2 ${hint ? "text-amber-800 hover:bg-amber-100 focus-visible:outline-amber-600" : "text-violet-700 hover:bg-violet-100 focus-visible:outline-violet-600"}`}
              aria-label={`Dismiss the message from ${m.from}`}
            >
              ×
            </button>
          </div>
        );
      })}
      {(earlier > 0 || (expanded && items.length > 1)) && (
        <button
          type="button"
          onClick={() => setExpanded((x) => !x)}
          className="rounded bg-white/90 px-2 py-0.5 text-xs text-slate-700 shadow hover:bg-white"
          data-testid="coach-more"
        >
          {expanded ? "Show the newest only" : `${earlier} earlier message${earlier === 1 ? "" : "s"}`}
        </button>
      )}
    </div>
  );
}
