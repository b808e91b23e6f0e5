/** The score, line by line, with how each line was worked out. */
import type { ScoreDetail } from "@/lib/scoring/score-attempt";
import { WEIGHTS } from "@/lib/scoring/score-attempt";

export function ScoreBreakdown({ detail }: { detail: ScoreDetail }) {
  return (
    <div className="space-y-2" data-testid="score">
      <p className="text-3xl font-semibold tabular-nums text-slate-900">
        {detail.total}
        <span className="text-base font-normal text-slate-500"> / 100</span>
      </p>
      <table className="w-full text-sm">
        <tbody className="divide-y divide-slate-100">
          {detail.lines.map((l) => (
            <tr key={l.id}>
              <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-800">
                {l.label}
              </th>
              <td className="py-1.5 pr-3 text-slate-500">{l.explanation}</td>
              <td className="py-1.5 text-right whitespace-nowrap tabular-nums text-slate-900">
                {l.points > 0 ? l.points : l.points}
                {l.max > 0 && <span className="text-slate-500"> / {l.max}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        How scoring works: the facilitator&apos;s rubric counts for {WEIGHTS.rubric} points, mitigating within par for{" "}
        {WEIGHTS.time} and keeping the error budget for {WEIGHTS.budget}; each hint taken costs what it said.
      </p>
    </div>
  );
}
