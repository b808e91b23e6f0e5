"use client";
/** The facilitator's grade: a score and comment per rubric criterion, an overall comment, return or final. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/Button";
import { api } from "@/components/shared/api";
import { fieldClass } from "@/components/forms/field-styles";
import type { GradingRubric } from "@/lib/grading/grading-rubric";

const control = fieldClass();

export function GradeForm({
  attemptId,
  rubric,
}: {
  attemptId: string;
  /** The level's rubric, plus communication for a team's game day. */
  rubric: GradingRubric;
}) {
  const router = useRouter();
  const all = [
    ...rubric.report.map((c) => ({ ...c, section: "report" })),
    ...rubric.postmortem.map((c) => ({ ...c, section: "postmortem" })),
    ...(rubric.communication ?? []).map((c) => ({ ...c, section: "communication" })),
  ];
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = all.reduce((a, c) => a + c.points, 0);
  const given = all.reduce((a, c) => a + (Number(scores[c.id]) || 0), 0);

  async function send(outcome: "RETURNED" | "FINAL") {
    const missing: Record<string, string> = {};
    for (const c of all) {
      const v = scores[c.id];
      if (v === undefined || v === "" || Number.isNaN(Number(v))) missing[c.id] = "Score this criterion.";
    }
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setMessage("Score every criterion first.");
      return;
    }
    setBusy(true);
    setMessage(null);
    const r = await api<{ percent: number }>(`/api/attempts/${attemptId}/grade`, {
      method: "POST",
      body: {
        outcome,
        comment,
        criteria: all.map((c) => ({ criterionId: c.id, score: Number(scores[c.id]), comment: comments[c.id] ?? "" })),
      },
    });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage(r.error.message);
      return;
    }
    router.push("/facilitate/review");
    router.refresh();
  }

  return (
    <form className="space-y-4" onSubmit={(e) => e.preventDefault()} aria-label="Grade" data-testid="grade-form">
      {all.map((c) => (
        <fieldset key={c.id} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {c.title}
            {/* The section, unless the title already says it ("Communication"). */}
            {c.title.toLowerCase() !== c.section && (
              <span className="ml-1 text-xs font-normal text-slate-500">({c.section})</span>
            )}
          </legend>
          <p className="mb-2 text-sm text-slate-600">{c.description}</p>
          <div className="grid gap-2 sm:grid-cols-[auto_1fr]">
            <div>
              <label className="sr-only" htmlFor={`score-${c.id}`}>
                Score for {c.title}
              </label>
              <div className="flex items-center gap-1 whitespace-nowrap">
                <input
                  id={`score-${c.id}`}
                  type="number"
                  min={0}
                  max={c.points}
                  step={0.5}
                  className={fieldClass({ invalid: errors[c.id], width: "w-20" })}
                  value={scores[c.id] ?? ""}
                  onChange={(e) => setScores((s) => ({ ...s, [c.id]: e.target.value }))}
                />
                <span className="shrink-0 text-sm text-slate-500" data-testid="score-out-of">
                  / {c.points}
                </span>
              </div>
              {errors[c.id] && <p className="mt-0.5 text-xs text-red-700">{errors[c.id]}</p>}
            </div>
            <div>
              <label className="sr-only" htmlFor={`comment-${c.id}`}>
                Comment on {c.title}
              </label>
              <textarea
                id={`comment-${c.id}`}
                rows={2}
                placeholder="What was good, what to improve"
                className={control}
                value={comments[c.id] ?? ""}
                onChange={(e) => setComments((s) => ({ ...s, [c.id]: e.target.value }))}
              />
            </div>
          </div>
        </fieldset>
      ))}
      <div>
        <label htmlFor="grade-comment" className="text-sm font-semibold text-slate-900">
          Overall comment
        </label>
        <textarea
          id="grade-comment"
          rows={3}
          className={control}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {message && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          Rubric: <span className="font-semibold tabular-nums">{given}</span> / {total} (
          {total > 0 ? Math.round((100 * given) / total) : 0} %)
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => void send("RETURNED")} disabled={busy}>
            Return for revision
          </Button>
          <Button onClick={() => void send("FINAL")} disabled={busy} data-testid="final-grade">
            Final grade
          </Button>
        </div>
      </div>
    </form>
  );
}
