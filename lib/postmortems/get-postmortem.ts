/** The postmortem as saved, or (before the first save) a draft pre-filled from the attempt. */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { ReportDraftSchema } from "../reports/report-schema";
import { draftPostmortem } from "./draft-postmortem";
import { PostmortemDraftSchema, type PostmortemContent } from "./postmortem-schema";

export interface PostmortemView {
  content: PostmortemContent;
  version: number;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "GRADED";
  submittedAt: string | null;
  /** Who handed it in (the actor of the submission's timeline event), so teammates are told. */
  submittedBy: string | null;
  updatedAt: string | null;
  prefilled: boolean;
}

export async function getPostmortem(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<PostmortemView> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const row = await deps.db.postmortem.findUnique({ where: { attemptId } });
  if (row) {
    const parsed = PostmortemDraftSchema.safeParse(row.content);
    // Submission writes its SYSTEM event at the very instant it stores as submittedAt.
    const handedIn = row.submittedAt
      ? await deps.db.timelineEvent.findFirst({
          where: { attemptId, kind: "SYSTEM", at: row.submittedAt },
          select: { actor: { select: { name: true } } },
        })
      : null;
    return {
      content: parsed.success ? parsed.data : PostmortemDraftSchema.parse({}),
      version: row.version,
      status: row.status,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      submittedBy: handedIn?.actor?.name ?? null,
      updatedAt: row.updatedAt.toISOString(),
      prefilled: false,
    };
  }
  const [events, report] = await Promise.all([
    deps.db.timelineEvent.findMany({ where: { attemptId }, orderBy: { at: "asc" } }),
    deps.db.incidentReport.findUnique({ where: { attemptId } }),
  ]);
  const content = draftPostmortem({
    startedAt: attempt.startedAt,
    mitigatedAt: attempt.mitigatedAt,
    events,
    report: report ? (ReportDraftSchema.safeParse(report.content).data ?? null) : null,
  });
  return {
    content,
    version: 0,
    status: "DRAFT",
    submittedAt: null,
    submittedBy: null,
    updatedAt: null,
    prefilled: true,
  };
}
