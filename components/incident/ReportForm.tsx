"use client";
/**
 * The incident report, written while the incident runs: severity, impact,
 * detection, symptoms, hypotheses, actions, mitigation and status updates.
 * Autosaved (see use-autosave); submitted once the fix has passed its check.
 */
import { useState } from "react";
import { Button } from "@/components/Button";
import { mergeReport } from "@/lib/reports/merge-report";
import { SEVERITIES, SEVERITY_LABEL, type ReportContent } from "@/lib/reports/report-schema";
import { api } from "@/components/shared/api";
import { JoinAttemptRoom } from "@/components/shared/JoinAttemptRoom";
import { AutosaveIndicator } from "@/components/shared/autosave/SaveIndicator";
import { useAutosave } from "@/components/shared/autosave/use-autosave";
import { useDocSubmitted } from "@/components/live/use-doc-submitted";
import { fieldClass } from "@/components/forms/field-styles";
import { RowEditor } from "@/components/forms/RowEditor";
import { formatTime } from "@/lib/format";

const area = fieldClass();

function Label({ htmlFor, children, error }: { htmlFor: string; children: string; error?: string | undefined }) {
  return (
    <div className="mb-1 flex items-baseline justify-between gap-2">
      <label htmlFor={htmlFor} className="text-sm font-medium text-slate-800">
        {children}
      </label>
      {error && (
        <span id={`${htmlFor}-error`} className="text-xs text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}

export function ReportForm({
  attemptId,
  initial,
  editable,
  canSubmit,
  submittedAt,
  joinRoom = false,
  people,
}: {
  attemptId: string;
  initial: { content: ReportContent; version: number; updatedAt: string | null };
  editable: boolean;
  canSubmit: boolean;
  submittedAt: string | null;
  /** Join the attempt's live room here (pages other than the incident room, which joins it itself). */
  joinRoom?: boolean;
  /** The attempt's members, so "Updated with X's edits" can name X. */
  people?: readonly { userId: string; name: string }[];
}) {
  const [submitted, setSubmitted] = useState<string | null>(submittedAt);
  const locked = !editable || submitted !== null;
  // A teammate handed it in: lock the form here too.
  useDocSubmitted(attemptId, "report", () => setSubmitted((s) => s ?? new Date().toISOString()));
  const doc = useAutosave<ReportContent>({
    url: `/api/attempts/${attemptId}/report`,
    storageKey: `firedrill:report:${attemptId}`,
    initial,
    editable: !locked,
    collab: { attemptId, doc: "report", merge: mergeReport, people },
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const c = doc.content;
  const set = <K extends keyof ReportContent>(key: K, value: ReportContent[K]) =>
    doc.setContent((prev) => ({ ...prev, [key]: value }));

  async function submit() {
    setBusy(true);
    setMessage(null);
    if (!(await doc.save())) {
      setBusy(false);
      return;
    }
    const r = await api<{ ok: true }>(`/api/attempts/${attemptId}/report/submit`, { method: "POST" });
    setBusy(false);
    if (r.ok) {
      setSubmitted(new Date().toISOString());
      setFields({});
      return;
    }
    setFields(r.error.fields ?? {});
    setMessage(r.error.message);
  }

  const text = (
    key: "impact" | "detectedHow" | "symptoms" | "actions" | "mitigation",
    label: string,
    rows: number,
    placeholder: string,
  ) => (
    <div>
      <Label htmlFor={`report-${key}`} error={fields[key]}>
        {label}
      </Label>
      <textarea
        id={`report-${key}`}
        name={key}
        rows={rows}
        className={area}
        value={c[key]}
        placeholder={placeholder}
        disabled={locked}
        aria-invalid={fields[key] ? true : undefined}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => e.preventDefault()}
      aria-label="Incident report"
      data-testid="report-form"
    >
      {joinRoom && <JoinAttemptRoom attemptId={attemptId} />}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <AutosaveIndicator doc={doc} />
        {submitted && (
          <span className="rounded bg-green-50 px-2 py-0.5 text-xs font-medium text-green-700">Submitted</span>
        )}
      </div>
      {doc.restored && (
        <p className="rounded bg-blue-50 px-3 py-2 text-xs text-blue-800">
          Restored changes this browser had not yet saved.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor="report-severity" error={fields.severity}>
            Severity
          </Label>
          <select
            id="report-severity"
            className={area}
            value={c.severity}
            disabled={locked}
            onChange={(e) => set("severity", e.target.value as ReportContent["severity"])}
          >
            <option value="">Not declared yet</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Label htmlFor="report-detectedAt">Detected at</Label>
          <input
            id="report-detectedAt"
            type="datetime-local"
            className={area}
            value={c.detectedAt}
            disabled={locked}
            onChange={(e) => set("detectedAt", e.target.value)}
          />
        </div>
      </div>
      {text("detectedHow", "How it was detected", 2, "The page, an alert, a customer report…")}
      {text("impact", "Impact", 3, "Who is affected, how badly, since when")}
      {text("symptoms", "Symptoms", 3, "What you observe: errors, latency, logs")}

      <fieldset>
        <legend className="mb-1 flex w-full items-baseline justify-between text-sm font-medium text-slate-800">
          Hypotheses tried{" "}
          {fields.hypotheses && <span className="text-xs font-normal text-red-700">{fields.hypotheses}</span>}
        </legend>
        <RowEditor
          list="ul"
          rows={c.hypotheses}
          onChange={(rows) => set("hypotheses", rows)}
          editable={!locked}
          newRow={() => ({ text: "", outcome: "open" as const })}
          addLabel="Add hypothesis"
          addClassName="mt-2"
          removeLabel={(i) => `Remove hypothesis ${i + 1}`}
          renderRow={(h, i, update) => (
            <>
              <input
                aria-label={`Hypothesis ${i + 1}`}
                data-collab-field="hypotheses.text"
                className={fieldClass()}
                value={h.text}
                disabled={locked}
                placeholder="e.g. the database ran out of connections"
                onChange={(e) => update({ text: e.target.value })}
              />
              <select
                aria-label={`Outcome of hypothesis ${i + 1}`}
                className={fieldClass({ extra: "w-36" })}
                value={h.outcome}
                disabled={locked}
                onChange={(e) => update({ outcome: e.target.value as typeof h.outcome })}
              >
                <option value="open">open</option>
                <option value="confirmed">confirmed</option>
                <option value="ruled-out">ruled out</option>
              </select>
            </>
          )}
        />
      </fieldset>

      {text("actions", "Actions taken", 4, "What you ran or changed, and what it showed")}
      {text("mitigation", "Mitigation", 2, "What stopped the impact")}

      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">Status updates</legend>
        <RowEditor
          rows={c.statusUpdates}
          onChange={(rows) => set("statusUpdates", rows)}
          editable={!locked}
          newRow={() => ({ at: new Date().toISOString(), text: "" })}
          addLabel="Post a status update"
          addClassName="mt-2"
          renderRow={(u, i, update) => (
            <>
              <span className="w-14 shrink-0 pt-2 text-xs tabular-nums text-slate-500">
                {u.at ? formatTime(u.at) : ""}
              </span>
              <textarea
                aria-label={`Status update ${i + 1}`}
                data-collab-field="statusUpdates.text"
                rows={2}
                className={fieldClass()}
                value={u.text}
                disabled={locked}
                onChange={(e) => update({ text: e.target.value })}
              />
            </>
          )}
        />
      </fieldset>

      {message && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      {!locked && canSubmit && (
        <div className="flex justify-end">
          <Button onClick={() => void submit()} disabled={busy}>
            {busy ? "Submitting…" : "Submit incident report"}
          </Button>
        </div>
      )}
      {!locked && !canSubmit && (
        <p className="text-xs text-slate-500">You can submit the report once Check my fix passes.</p>
      )}
    </form>
  );
}
