/** The report as saved, for its players and for facilitators. */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { EMPTY_REPORT, ReportDraftSchema, type ReportContent } from "./report-schema";

export interface ReportView {
  content: ReportContent;
  version: number;
  submittedAt: string | null;
  updatedAt: string | null;
}

export async function getReport(actor: Actor, attemptId: string, deps: Deps = defaultDeps()): Promise<ReportView> {
  await authorizeAttempt(deps.db, actor, attemptId, "read");
  const row = await deps.db.incidentReport.findUnique({ where: { attemptId } });
  if (!row) return { content: EMPTY_REPORT, version: 0, submittedAt: null, updatedAt: null };
  const parsed = ReportDraftSchema.safeParse(row.content);
  return {
    content: parsed.success ? parsed.data : EMPTY_REPORT,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
