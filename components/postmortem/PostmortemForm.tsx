"use client";
/**
 * The blameless postmortem editor: every section of the template, the timeline
 * pre-filled from the attempt and editable, action items with owner and kind.
 * Autosaved like the report; submitting names each missing section beside it
 * and keeps everything typed. Printing shows the clean read-only version.
 */
import { useRouter } from "next/navigation";
import { Button } from "@/components/Button";
import { JoinAttemptRoom } from "@/components/shared/JoinAttemptRoom";
import { AutosaveIndicator } from "@/components/shared/autosave/SaveIndicator";
import { useAutosave } from "@/components/shared/autosave/use-autosave";
import { mergePostmortem } from "@/lib/postmortems/merge-postmortem";
import type { PostmortemContent } from "@/lib/postmortems/postmortem-schema";
import { PostmortemView } from "./PostmortemView";
import { useDocSubmitted } from "@/components/live/use-doc-submitted";
import { ActionItemsEditor } from "./ActionItemsEditor";
import { SECTIONS, type TextSectionSpec } from "./postmortem-sections";
import { TextSection } from "./TextSection";
import { TimelineEditor } from "./TimelineEditor";
import { usePostmortemSubmit } from "./use-postmortem-submit";

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
  const { submit, busy, message, fields, err } = usePostmortemSubmit(attemptId, doc);
  // A teammate handed it in: the page re-renders read-only (the attempt is now submitted).
  useDocSubmitted(attemptId, "postmortem", () => router.refresh());
  const pm = doc.content;
  const set = <K extends keyof PostmortemContent>(key: K, value: PostmortemContent[K]) =>
    doc.setContent((prev) => ({ ...prev, [key]: value }));

  const section = (s: TextSectionSpec) => (
    <TextSection
      key={s.key}
      s={s}
      value={pm[s.key]}
      error={err(s.key)}
      disabled={!editable}
      onChange={(v) => set(s.key, v)}
    />
  );

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
          <AutosaveIndicator doc={doc} />
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

        {SECTIONS.slice(0, 2).map(section)}

        <TimelineEditor rows={pm.timeline} onChange={(rows) => set("timeline", rows)} editable={editable} err={err} />

        {SECTIONS.slice(2).map(section)}

        <ActionItemsEditor
          rows={pm.actionItems}
          onChange={(rows) => set("actionItems", rows)}
          editable={editable}
          err={err}
        />
      </form>
      <div className="hidden print:block">
        <PostmortemView pm={pm} />
      </div>
    </>
  );
}
