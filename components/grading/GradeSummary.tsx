/**
 * A facilitator's grade as the player reads it: outcome, the rubric (one part
 * of the one score, lib/scoring/one-score.ts), overall and per-criterion comments.
 */
import { Badge } from "@/components/Badge";
import type { AttemptRecord } from "@/lib/grading/load-attempt-record";
import { rubricPoints } from "@/lib/scoring/one-score";
import { WEIGHTS } from "@/lib/scoring/score-attempt";
import { formatDateTime } from "@/lib/format";

export function GradeSummary({ grade }: { grade: AttemptRecord["grades"][number] }) {
  const got = grade.criteria.reduce((a, c) => a + c.score, 0);
  const max = grade.criteria.reduce((a, c) => a + c.max, 0);
  return (
    <div className="space-y-3" data-testid="grade">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        {grade.outcome === "FINAL" ? (
          <Badge tone="green">Final grade</Badge>
        ) : (
          <Badge tone="ember">Returned for revision</Badge>
        )}
        <span>
          by {grade.grader} · {formatDateTime(new Date(grade.createdAt))}
        </span>
      </p>
      <p className="text-sm text-slate-700" data-testid="grade-rubric">
        Report and postmortem:{" "}
        <span className="font-semibold tabular-nums text-slate-900">
          {got} / {max}
        </span>{" "}
        rubric points ({grade.percent} %)
        {grade.outcome === "FINAL"
          ? `, worth ${rubricPoints(grade.percent)} of the score's ${WEIGHTS.rubric} report points.`
          : "; the score is worked out at the final grade."}
      </p>
      {grade.comment && (
        <blockquote className="border-l-4 border-slate-300 pl-3 text-sm whitespace-pre-line text-slate-800">
          {grade.comment}
        </blockquote>
      )}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="py-1 pr-3">Criterion</th>
            <th className="py-1 pr-3">Points</th>
            <th className="py-1">Comment</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {grade.criteria.map((c) => (
            <tr key={c.criterionId}>
              <td className="py-1.5 pr-3 align-top">
                <span className="font-medium text-slate-800">{c.title}</span>{" "}
                {c.title.toLowerCase() !== c.section && (
                  <span className="text-xs text-slate-500" data-testid="criterion-section">
                    {c.section}
                  </span>
                )}
              </td>
              <td className="py-1.5 pr-3 align-top tabular-nums">
                {c.score} / {c.max}
              </td>
              <td className="py-1.5 align-top whitespace-pre-line text-slate-700">{c.comment || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
