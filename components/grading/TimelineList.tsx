/** The attempt's recorded timeline, as a compact list with kinds. */
import type { AttemptRecord } from "@/lib/grading/load-attempt-record";

const tone: Record<string, string> = {
  COMMAND: "text-slate-500",
  CHECK: "text-violet-700",
  SLI: "text-red-700",
  HINT: "text-amber-700",
  SEVERITY: "text-ember-700",
  STATUS_UPDATE: "text-blue-700",
};

export function TimelineList({ events, startedAt }: { events: AttemptRecord["timeline"]; startedAt: string }) {
  const t0 = Date.parse(startedAt);
  return (
    // Focusable, so a keyboard can scroll a long record (it holds no links or buttons).
    <ol
      className="max-h-[28rem] space-y-1 overflow-auto text-sm"
      data-testid="timeline"
      tabIndex={0}
      aria-label="Recorded timeline"
    >
      {events.map((e, i) => {
        const offset = Math.round((Date.parse(e.at) - t0) / 1000);
        const sign = offset < 0 ? "−" : "+";
        const abs = Math.abs(offset);
        return (
          <li key={i} className="grid grid-cols-[4.5rem_6.5rem_1fr] gap-2">
            <span className="font-mono text-xs tabular-nums text-slate-500">
              {sign}
              {Math.floor(abs / 60)}:{String(abs % 60).padStart(2, "0")}
            </span>
            <span className={`text-xs font-medium ${tone[e.kind] ?? "text-slate-500"}`}>
              {e.kind.toLowerCase().replace("_", " ")}
            </span>
            <span className={e.kind === "COMMAND" ? "font-mono text-xs text-slate-700" : "text-slate-800"}>
              {e.text}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
