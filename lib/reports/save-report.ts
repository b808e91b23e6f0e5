/**
 * Autosave of the incident report with optimistic concurrency: the save names
 * the version it edited and fails with CONFLICT when another tab saved since.
 * Declaring a severity is the moment of detection; severity changes and new
 * status updates go on the timeline.
 */
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../attempts/attempt-access";
import { defaultDeps, type Deps } from "../attempts/deps";
import { AppError } from "../errors";
import { recordEvent } from "../timeline/record-event";
import { ReportDraftSchema, type ReportContent } from "./report-schema";
import { assertReportEditable } from "./report-editable";

export const SaveReportSchema = z
  .object({ version: z.number().int().nonnegative(), content: ReportDraftSchema })
  .strict();

export async function saveReport(
  actor: Actor,
  attemptId: string,
  input: z.infer<typeof SaveReportSchema>,
  deps: Deps = defaultDeps(),
): Promise<{ version: number }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.incidentReport.findUnique({ where: { attemptId } });
    assertReportEditable(attempt.status, existing);
    const current = existing?.version ?? 0;
    if (input.version !== current) {
      throw new AppError("CONFLICT", "The report was saved from another tab or window since you loaded it.", {
        version: String(current),
      });
    }
    const content = input.content as Prisma.InputJsonValue;
    if (existing) {
      const updated = await tx.incidentReport.updateMany({
        where: { attemptId, version: current },
        data: { content, version: current + 1 },
      });
      if (updated.count !== 1)
        throw new AppError("CONFLICT", "The report was saved from another tab or window since you loaded it.");
    } else {
      await tx.incidentReport.create({ data: { attemptId, content, version: 1 } });
    }
    const before = existing ? ReportDraftSchema.safeParse(existing.content).data : undefined;
    await recordSideEffects(tx, {
      attemptId,
      actorId: actor.id,
      now,
      before,
      after: input.content,
      detected: attempt.detectedAt !== null,
    });
    return { version: current + 1 };
  });
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
  },
) {
  const previous = p.before?.severity || null;
  if (p.after.severity && p.after.severity !== previous) {
    await tx.attempt.update({
      where: { id: p.attemptId },
      data: { severity: p.after.severity, ...(p.detected ? {} : { detectedAt: p.now }) },
    });
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
}
