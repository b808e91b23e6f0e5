/** A facilitator's grade as the player reads it: outcome, percent, overall and per-criterion comments. */
import { Badge } from "@/components/Badge";
import type { AttemptRecord } from "@/lib/grading/load-attempt-record";

export function GradeSummary({ grade }: { grade: AttemptRecord["grades"][number] }) {
  return (
    <div className="space-y-3" data-testid="grade">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        {grade.outcome === "FINAL" ? (
          <Badge tone="green">Final grade</Badge>
        ) : (
          <Badge tone="ember">Returned for revision</Badge>
        )}
        <span className="text-lg font-semibold tabular-nums text-slate-900" data-testid="grade-percent">
          {grade.percent} %
        </span>
        <span>
          of the rubric · by {grade.grader} · {new Date(grade.createdAt).toLocaleString("en-GB", { timeZone: "UTC" })}{" "}
          UTC
        </span>
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
            <th className="py-1 pr-3">Score</th>
            <th className="py-1">Comment</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {grade.criteria.map((c) => (
            <tr key={c.criterionId}>
              <td className="py-1.5 pr-3 align-top">
                <span className="font-medium text-slate-800">{c.title}</span>{" "}
                <span className="text-xs text-slate-500">{c.section}</span>
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
