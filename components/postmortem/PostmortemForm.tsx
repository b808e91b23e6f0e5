"use client";
/**
 * The blameless postmortem editor: every section of the template, the timeline
 * pre-filled from the attempt and editable, action items with owner and kind.
 * Autosaved like the report; submitting names each missing section beside it
 * and keeps everything typed. Printing shows the clean read-only version.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/Button";
import { api } from "@/components/shared/api";
import { JoinAttemptRoom } from "@/components/shared/JoinAttemptRoom";
import { SaveIndicator } from "@/components/shared/autosave/SaveIndicator";
import { useAutosave } from "@/components/shared/autosave/use-autosave";
import { mergePostmortem } from "@/lib/collab/merge-docs";
import { ACTION_KINDS, type PostmortemContent } from "@/lib/postmortems/postmortem-schema";
import { PostmortemView } from "./PostmortemView";
import { useDocSubmitted } from "@/components/live/use-doc-submitted";
import { RemoveRowButton } from "@/components/forms/RemoveRowButton";

/** A field's look; `control` adds full width (a timeline row sizes its two inputs itself). */
const controlLook =
  "block rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 " +
  "focus-visible:border-ember-600 focus-visible:outline-2 focus-visible:outline-ember-600";
const control = `${controlLook} w-full`;

type TextKey =
  | "summary"
  | "impact"
  | "rootCause"
  | "trigger"
  | "contributingFactors"
  | "detection"
  | "resolution"
  | "wentWell"
  | "wentBadly"
  | "gotLucky";

const SECTIONS: { key: TextKey; label: string; help: string; rows: number; optional?: boolean }[] = [
  { key: "summary", label: "Summary", help: "Two or three sentences a busy reader can take away.", rows: 3 },
  { key: "impact", label: "Impact", help: "Who was affected, how badly, for how long; use the SLI figures.", rows: 3 },
  {
    key: "rootCause",
    label: "Root cause",
    help: "Why it happened — the condition, not a person. Ask why until it stops being useful.",
    rows: 4,
  },
  { key: "trigger", label: "Trigger", help: "What set it off at that moment.", rows: 2 },
  {
    key: "contributingFactors",
    label: "Contributing factors",
    help: "What made it worse or harder to see.",
    rows: 3,
    optional: true,
  },
  { key: "detection", label: "Detection", help: "How we found out, and how we could have found out sooner.", rows: 2 },
  { key: "resolution", label: "Resolution", help: "What mitigated it and what fixed it for good.", rows: 3 },
  { key: "wentWell", label: "What went well", help: "", rows: 2 },
  { key: "wentBadly", label: "What went badly", help: "", rows: 2 },
  { key: "gotLucky", label: "Where we got lucky", help: "", rows: 2, optional: true },
];

function toLocalInput(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().slice(0, 19).replace("T", " ");
}
function fromLocalInput(text: string): string {
  const t = Date.parse(text.includes("T") ? text : `${text.replace(" ", "T")}Z`);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}

export function PostmortemForm({
  attemptId,
  initial,
  editable,
  people,
}: {
  attemptId: string;
  initial: { content: PostmortemContent; version: number; updatedAt: string | null };
  editable: boolean;
  /** The attempt's members, so "Updated with X's edits" can name X. */
  people?: readonly { userId: string; name: string }[];
}) {
  const router = useRouter();
  const doc = useAutosave<PostmortemContent>({
    url: `/api/attempts/${attemptId}/postmortem`,
    storageKey: `firedrill:postmortem:${attemptId}`,
    initial,
    editable,
    collab: { attemptId, doc: "postmortem", merge: mergePostmortem, people },
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A teammate handed it in: the page re-renders read-only (the attempt is now submitted).
  useDocSubmitted(attemptId, "postmortem", () => router.refresh());
  const pm = doc.content;
  const set = <K extends keyof PostmortemContent>(key: K, value: PostmortemContent[K]) =>
    doc.setContent((prev) => ({ ...prev, [key]: value }));
  const err = (path: string) => fields[path];

  async function submit() {
    setBusy(true);
    setMessage(null);
    await doc.save();
    // What is in the form now: a save just merged a teammate's edits in, which this render's `pm` predates.
    const sent = doc.currentContent();
    const r = await api<{ version: number }>(`/api/attempts/${attemptId}/postmortem/submit`, {
      method: "POST",
      body: { version: doc.currentVersion(), content: sent },
    });
    setBusy(false);
    if (r.ok) {
      router.push(`/attempts/${attemptId}`);
      router.refresh();
      return;
    }
    const f = { ...(r.error.fields ?? {}) };
    if (f.version) {
      // Refused for missing sections: the draft was saved as sent. A conflict saved nothing: fetch the latest.
      if (r.error.code === "INVALID_INPUT") doc.markSaved(sent, Number(f.version));
      else void doc.refresh();
      delete f.version;
    }
    setFields(f);
    setMessage(r.error.message);
    const first = Object.keys(f)[0];
    if (first)
      document.getElementById(`pm-${first.split(".")[0]}`)?.scrollIntoView({ behavior: "smooth", block: "center" });
  }

  return (
    <>
      <JoinAttemptRoom attemptId={attemptId} />
      <form
        className="space-y-6 print:hidden"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Postmortem"
        data-testid="postmortem-form"
        noValidate
      >
        <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-2 bg-slate-50/95 px-1 py-2 backdrop-blur">
          <SaveIndicator
            status={doc.status}
            error={doc.error}
            mergedFrom={doc.mergedFrom}
            onKeepMine={() => void doc.keepMine()}
            onLoadLatest={() => void doc.loadLatest()}
          />
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => window.print()}>
              Print
            </Button>
            {editable && (
              <Button size="sm" onClick={() => void submit()} disabled={busy} data-testid="submit-postmortem">
                {busy ? "Submitting…" : "Submit for grading"}
              </Button>
            )}
          </div>
        </div>
        {doc.restored && (
          <p className="rounded bg-blue-50 px-3 py-2 text-sm text-blue-800">
            Restored changes this browser had not yet saved.
          </p>
        )}
        {message && (
          <div
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
            data-testid="postmortem-errors"
          >
            <p className="font-medium">{message}</p>
            {Object.keys(fields).length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {Object.entries(fields).map(([k, v]) => (
                  <li key={k}>{v}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        {SECTIONS.slice(0, 2).map((s) => (
          <TextSection
            key={s.key}
            s={s}
            value={pm[s.key]}
            error={err(s.key)}
            disabled={!editable}
            onChange={(v) => set(s.key, v)}
          />
        ))}

        <fieldset id="pm-timeline" className="space-y-2">
          <legend className="text-sm font-semibold text-slate-900">Timeline (UTC)</legend>
          <p className="text-sm text-slate-500">
            Drafted from what you did and what the system recorded. Edit freely: add context, remove noise.
          </p>
          {err("timeline") && <p className="text-sm text-red-700">{err("timeline")}</p>}
          <ol className="space-y-1.5">
            {pm.timeline.map((e, i) => (
              <li key={i} className="flex items-start gap-2">
                <input
                  aria-label={`Time of entry ${i + 1}`}
                  data-collab-field="timeline.at"
                  className={`${controlLook} w-44 shrink-0 font-mono text-xs ${err(`timeline.${i}.at`) ? "border-red-400" : "border-slate-300"}`}
                  value={toLocalInput(e.at)}
                  disabled={!editable}
                  onChange={(ev) =>
                    set(
                      "timeline",
                      pm.timeline.map((x, j) => (j === i ? { ...x, at: fromLocalInput(ev.target.value) } : x)),
                    )
                  }
                />
                <input
                  aria-label={`Entry ${i + 1}`}
                  data-collab-field="timeline.text"
                  className={`${controlLook} min-w-0 flex-1 border-slate-300`}
                  value={e.text}
                  disabled={!editable}
                  onChange={(ev) =>
                    set(
                      "timeline",
                      pm.timeline.map((x, j) => (j === i ? { ...x, text: ev.target.value } : x)),
                    )
                  }
                />
                {editable && (
                  <RemoveRowButton
                    label={`Remove entry ${i + 1}`}
                    onRemove={() =>
                      set(
                        "timeline",
                        pm.timeline.filter((_, j) => j !== i),
                      )
                    }
                  />
                )}
              </li>
            ))}
          </ol>
          {editable && (
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                set("timeline", [...pm.timeline, { at: pm.timeline.at(-1)?.at ?? new Date().toISOString(), text: "" }])
              }
            >
              Add entry
            </Button>
          )}
        </fieldset>

        {SECTIONS.slice(2).map((s) => (
          <TextSection
            key={s.key}
            s={s}
            value={pm[s.key]}
            error={err(s.key)}
            disabled={!editable}
            onChange={(v) => set(s.key, v)}
          />
        ))}

        <fieldset id="pm-actionItems" className="space-y-2">
          <legend className="text-sm font-semibold text-slate-900">Action items</legend>
          <p className="text-sm text-slate-500">
            Concrete, owned, and aimed at the system: prevent, mitigate, detect, or improve the process.
          </p>
          {err("actionItems") && <p className="text-sm text-red-700">{err("actionItems")}</p>}
          {pm.actionItems.map((a, i) => (
            <div
              key={i}
              className="grid gap-2 rounded-md border border-slate-200 bg-white p-2 sm:grid-cols-[9rem_12rem_1fr_auto]"
            >
              <select
                aria-label={`Kind of action ${i + 1}`}
                className={`${control} border-slate-300`}
                value={a.kind}
                disabled={!editable}
                onChange={(e) =>
                  set(
                    "actionItems",
                    pm.actionItems.map((x, j) => (j === i ? { ...x, kind: e.target.value as typeof a.kind } : x)),
                  )
                }
              >
                {ACTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
              <div>
                <input
                  aria-label={`Owner of action ${i + 1}`}
                  data-collab-field="actionItems.owner"
                  placeholder="Owner"
                  className={`${control} ${err(`actionItems.${i}.owner`) ? "border-red-400" : "border-slate-300"}`}
                  value={a.owner}
                  disabled={!editable}
                  onChange={(e) =>
                    set(
                      "actionItems",
                      pm.actionItems.map((x, j) => (j === i ? { ...x, owner: e.target.value } : x)),
                    )
                  }
                />
                {err(`actionItems.${i}.owner`) && (
                  <p className="mt-0.5 text-xs text-red-700">{err(`actionItems.${i}.owner`)}</p>
                )}
              </div>
              <div>
                <input
                  aria-label={`Action ${i + 1}`}
                  data-collab-field="actionItems.description"
                  placeholder="What will be done"
                  className={`${control} ${err(`actionItems.${i}.description`) ? "border-red-400" : "border-slate-300"}`}
                  value={a.description}
                  disabled={!editable}
                  onChange={(e) =>
                    set(
                      "actionItems",
                      pm.actionItems.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)),
                    )
                  }
                />
                {err(`actionItems.${i}.description`) && (
                  <p className="mt-0.5 text-xs text-red-700">{err(`actionItems.${i}.description`)}</p>
                )}
              </div>
              {editable && (
                <RemoveRowButton
                  label={`Remove action ${i + 1}`}
                  onRemove={() =>
                    set(
                      "actionItems",
                      pm.actionItems.filter((_, j) => j !== i),
                    )
                  }
                />
              )}
            </div>
          ))}
          {editable && (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => set("actionItems", [...pm.actionItems, { owner: "", kind: "prevent", description: "" }])}
            >
              Add action item
            </Button>
          )}
        </fieldset>
      </form>
      <div className="hidden print:block">
        <PostmortemView pm={pm} />
      </div>
    </>
  );
}

function TextSection({
  s,
  value,
  error,
  disabled,
  onChange,
}: {
  s: (typeof SECTIONS)[number];
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  const id = `pm-${s.key}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-baseline gap-2 text-sm font-semibold text-slate-900">
        {s.label}
        {s.optional && <span className="text-xs font-normal text-slate-500">optional</span>}
      </label>
      {s.help && <p className="text-sm text-slate-500">{s.help}</p>}
      <textarea
        id={id}
        name={s.key}
        rows={s.rows}
        className={`${control} ${error ? "border-red-400" : "border-slate-300"}`}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
