/** The score, line by line, with how each line was worked out. */
import type { ScoreDetail } from "@/lib/scoring/score-attempt";
import { SCORE_PARTS } from "@/lib/scoring/one-score";

export function ScoreBreakdown({ detail }: { detail: ScoreDetail }) {
  return (
    <div className="space-y-2" data-testid="score">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Score</p>
      <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="score-total">
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
      <p className="text-xs text-slate-500">The one score shown everywhere: {SCORE_PARTS}</p>
    </div>
  );
}
