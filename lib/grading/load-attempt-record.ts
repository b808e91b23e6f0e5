/**
 * Everything written and recorded about an attempt, for the grading page and
 * the player's own attempt page: report, postmortem, timeline, figures, grades.
 */
import type { Actor } from "../auth/actor";
import { authorizeAttempt, type AttemptMode } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { manifestOf } from "../core/level-manifest";
import type { LevelManifest } from "../levels/manifest-schema";
import { PostmortemDraftSchema, type PostmortemContent } from "../postmortems/postmortem-schema";
import { ReportDraftSchema, type ReportContent } from "../reports/report-schema";
import type { ScoreDetail } from "../scoring/score-attempt";
import { describeEvent } from "../timeline/describe-event";
import { attemptFigures, type AttemptFigures } from "./attempt-figures";
import { communicationFigures, type CommunicationFigures } from "./communication-figures";
import { gradingRubric, type GradingRubric } from "./grading-rubric";
import { StoredCriteriaSchema, type StoredCriterion } from "./grade-schema";
import { expandTemplate, type ResolvedParams } from "../levels/params";

export interface AttemptRecord {
  mode: AttemptMode;
  attempt: {
    id: string;
    kind: "SOLO" | "TEAM";
    status: string;
    startedAt: string;
    mitigatedAt: string | null;
    severity: string | null;
    players: string[];
    score: number | null;
  };
  /** `rubric` is what the attempt is graded with (a team's adds communication). */
  level: Pick<LevelManifest, "id" | "title" | "category" | "difficulty" | "parMinutes"> & { rubric: GradingRubric };
  /** Facilitators only. */
  solution: string | null;
  report: { content: ReportContent; submittedAt: string | null } | null;
  postmortem: { content: PostmortemContent; status: string; submittedAt: string | null } | null;
  timeline: { at: string; kind: string; text: string; actor: string | null }[];
  figures: AttemptFigures;
  /** Team game days only: status updates, command, stakeholders. */
  communication: CommunicationFigures | null;
  scoreDetail: ScoreDetail | null;
  grades: {
    id: string;
    outcome: string;
    percent: number;
    comment: string;
    grader: string;
    createdAt: string;
    criteria: StoredCriterion[];
  }[];
}

export async function loadAttemptRecord(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<AttemptRecord> {
  const { attempt, mode } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const manifest = manifestOf(attempt.level);
  const [report, postmortem, events, grades] = await Promise.all([
    deps.db.incidentReport.findUnique({ where: { attemptId } }),
    deps.db.postmortem.findUnique({ where: { attemptId } }),
    deps.db.timelineEvent.findMany({
      where: { attemptId },
      orderBy: { at: "asc" },
      include: { actor: { select: { name: true } } },
    }),
    deps.db.grade.findMany({
      where: { attemptId },
      orderBy: { createdAt: "desc" },
      include: { grader: { select: { name: true } } },
    }),
  ]);
  const facilitator = actor.role === "FACILITATOR" || actor.role === "ADMIN";
  return {
    mode,
    attempt: {
      id: attempt.id,
      kind: attempt.kind,
      status: attempt.status,
      startedAt: attempt.startedAt.toISOString(),
      mitigatedAt: attempt.mitigatedAt?.toISOString() ?? null,
      severity: attempt.severity,
      players: attempt.members.map((m) => m.user.name),
      score: attempt.score,
    },
    level: {
      id: manifest.id,
      title: manifest.title,
      category: manifest.category,
      difficulty: manifest.difficulty,
      parMinutes: manifest.parMinutes,
      rubric: gradingRubric(manifest.rubric, attempt.kind),
    },
    // The notes name the variant's values ({{table}}, {{limit}}…) as this attempt was dealt them.
    solution: facilitator && mode === "ro" ? expandTemplate(manifest.solution, attempt.params as ResolvedParams) : null,
    report: report
      ? {
          content: ReportDraftSchema.safeParse(report.content).data ?? ReportDraftSchema.parse({}),
          submittedAt: report.submittedAt?.toISOString() ?? null,
        }
      : null,
    postmortem: postmortem
      ? {
          content: PostmortemDraftSchema.safeParse(postmortem.content).data ?? PostmortemDraftSchema.parse({}),
          status: postmortem.status,
          submittedAt: postmortem.submittedAt?.toISOString() ?? null,
        }
      : null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      text: describeEvent(e),
      actor: e.actor?.name ?? null,
    })),
    figures: attemptFigures({ ...attempt, parMinutes: manifest.parMinutes }),
    communication:
      attempt.kind === "TEAM"
        ? communicationFigures({
            startedAt: attempt.startedAt,
            endedAt: attempt.mitigatedAt ?? attempt.endedAt ?? deps.now(),
            events,
          })
        : null,
    scoreDetail: (attempt.scoreDetail as ScoreDetail | null) ?? null,
    grades: grades.map((g) => ({
      id: g.id,
      outcome: g.outcome,
      percent: g.percent,
      comment: g.comment,
      grader: g.grader.name,
      createdAt: g.createdAt.toISOString(),
      criteria: StoredCriteriaSchema.safeParse(g.criteria).data ?? [],
    })),
  };
}
