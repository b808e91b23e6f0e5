/** The player hands in the incident report once the fix has passed its check. */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { recordEvent } from "../timeline/record-event";
import { assertReportEditable } from "./report-editable";
import { missingReportFields, ReportDraftSchema } from "./report-schema";
import { isIn, WRITE_UP_OPEN } from "../core/attempt-status";

export async function submitReport(actor: Actor, attemptId: string, deps: Deps = defaultDeps()): Promise<void> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  if (!isIn(WRITE_UP_OPEN, attempt.status)) {
    throw new AppError("CONFLICT", "Submit the report once Check my fix has passed.");
  }
  await deps.db.$transaction(async (tx) => {
    const report = await tx.incidentReport.findUnique({ where: { attemptId } });
    assertReportEditable(attempt.status, report);
    const content = ReportDraftSchema.parse(report?.content ?? {});
    const missing = missingReportFields(content);
    if (Object.keys(missing).length > 0)
      throw new AppError("INVALID_INPUT", "The report is missing some sections.", missing);
    await tx.incidentReport.update({ where: { attemptId }, data: { submittedAt: deps.now() } });
    await recordEvent(tx, {
      attemptId,
      kind: "SYSTEM",
      data: { message: "Incident report submitted" },
      actorId: actor.id,
    });
    await publishLive(tx, { type: "doc-submitted", attemptId, doc: "report", byUserId: actor.id });
  });
}
