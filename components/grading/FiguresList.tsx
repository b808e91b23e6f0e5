/** Time to detect and mitigate, error budget, hints and checks, side by side. */
import { formatMinutes, type AttemptFigures } from "@/lib/grading/attempt-figures";

export function FiguresList({ figures }: { figures: AttemptFigures }) {
  const items: [string, string, string?][] = [
    ["Time to detect", formatMinutes(figures.minutesToDetect), "until acknowledged or first reported"],
    ["Time to mitigate", formatMinutes(figures.minutesToMitigate), `par ${figures.parMinutes} min`],
    ["Error budget burned", `${figures.budgetBurned.toFixed(2)}`, "bad request-minutes"],
    ["Hints used", String(figures.hintsUsed)],
    ["Checks tried", String(figures.checksTried)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="figures">
      {items.map(([label, value, hint]) => (
        <div key={label} className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
          {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
