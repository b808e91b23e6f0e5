/**
 * A facilitator's severity written into the team's incident report, so the
 * report says what the room says (not "Not declared yet") and a player who
 * then saves it does not declare the incident a second time. Runs inside the
 * caller's transaction; a submitted report is left as handed in.
 */
import type { Prisma } from "@prisma/client";
import { lockAttemptDocs } from "../collab/resolve-save";
import { EMPTY_REPORT, ReportDraftSchema, type SEVERITIES } from "./report-schema";

/** The report's new version, or null when the report was left alone (submitted, or already at this severity). */
export async function fillReportSeverity(
  tx: Prisma.TransactionClient,
  attemptId: string,
  severity: (typeof SEVERITIES)[number],
): Promise<number | null> {
  await lockAttemptDocs(tx, attemptId);
  const row = await tx.incidentReport.findUnique({ where: { attemptId } });
  if (row?.submittedAt) return null;
  if (!row) {
    await tx.incidentReport.create({ data: { attemptId, content: { ...EMPTY_REPORT, severity }, version: 1 } });
    return 1;
  }
  const content = ReportDraftSchema.safeParse(row.content).data ?? EMPTY_REPORT;
  if (content.severity === severity) return null;
  await tx.incidentReport.update({
    where: { attemptId },
    data: { content: { ...content, severity }, version: row.version + 1 },
  });
  return row.version + 1;
}
