/**
 * Autosave of the incident report, which a team writes together. A save names
 * the version it edited; when a teammate saved since, the save's edits are
 * merged onto theirs (lib/collab) instead of failing, and the reply carries the
 * merged report. Everyone in the attempt's room hears "doc-saved".
 * The first field written is a moment of detection (lib/reports/detection.ts);
 * severity changes and new status updates go on the timeline.
 */
import type { Prisma } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { mergeReport } from "./merge-report";
import { lockAttemptDocs, saveDocSchema, type SaveDocInput, type SaveDocResult } from "../collab/resolve-save";
import { writeDocVersion } from "../collab/write-doc-version";
import { publishLiveQuietly } from "../bus/publish";
import { reportShowsDetection } from "./detection";
import { recordEvent } from "../timeline/record-event";
import { EMPTY_REPORT, ReportDraftSchema, type ReportContent } from "./report-schema";
import { assertReportEditable } from "./report-editable";

export const SaveReportSchema = saveDocSchema(ReportDraftSchema);

const CONFLICT = "The report was saved by someone else since you loaded it.";

export async function saveReport(
  actor: Actor,
  attemptId: string,
  input: SaveDocInput<ReportContent>,
  deps: Deps = defaultDeps(),
): Promise<SaveDocResult<ReportContent>> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  const now = deps.now();
  const saved = await deps.db.$transaction(async (tx) => {
    await lockAttemptDocs(tx, attemptId);
    const existing = await tx.incidentReport.findUnique({ where: { attemptId } });
    assertReportEditable(attempt.status, existing);
    const { version, content, merged, before } = await writeDocVersion({
      table: tx.incidentReport,
      attemptId,
      stored: existing,
      input,
      schema: ReportDraftSchema,
      empty: EMPTY_REPORT,
      merge: mergeReport,
      conflictMessage: CONFLICT,
    });
    const effects = await recordSideEffects(tx, {
      attemptId,
      actorId: actor.id,
      now,
      before,
      after: content,
      detected: attempt.detectedAt !== null,
      severityNow: attempt.severity,
    });
    return { version, content, merged, ...effects };
  });
  await publishLiveQuietly(deps.db, {
    type: "doc-saved",
    attemptId,
    doc: "report",
    version: saved.version,
    byUserId: actor.id,
  });
  if (saved.severityChanged) await publishLiveQuietly(deps.db, { type: "attempt-changed", attemptId });
  return saved.merged ? { version: saved.version, content: saved.content, merged: true } : { version: saved.version };
}

async function recordSideEffects(
  tx: Prisma.TransactionClient,
  p: {
    attemptId: string;
    actorId: string;
    now: Date;
    before: ReportContent | undefined;
    after: ReportContent;
    detected: boolean;
    /** The attempt's severity, which a facilitator may have set without the report. */
    severityNow: string | null;
  },
): Promise<{ severityChanged: boolean }> {
  // Against the incident's severity, not only the report's: a facilitator's SEV1 then the same in the report is no second declaration.
  const previous = p.before?.severity || p.severityNow || null;
  const severityChanged = Boolean(p.after.severity) && p.after.severity !== previous;
  if (!p.detected && reportShowsDetection(p.after))
    // Conditional: an acknowledgement a moment earlier keeps the first moment.
    await tx.attempt.updateMany({ where: { id: p.attemptId, detectedAt: null }, data: { detectedAt: p.now } });
  if (p.after.severity && severityChanged) {
    await tx.attempt.update({ where: { id: p.attemptId }, data: { severity: p.after.severity } });
    await recordEvent(tx, {
      attemptId: p.attemptId,
      kind: "SEVERITY",
      data: { severity: p.after.severity, previous },
      actorId: p.actorId,
      at: p.now,
    });
  }
  const seen = new Set((p.before?.statusUpdates ?? []).map((u) => u.text.trim()));
  for (const u of p.after.statusUpdates) {
    const t = u.text.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      await recordEvent(tx, {
        attemptId: p.attemptId,
        kind: "STATUS_UPDATE",
        data: { text: t },
        actorId: p.actorId,
        at: p.now,
      });
    }
  }
  return { severityChanged };
}
