/**
 * A facilitator grades a submitted attempt against its level's rubric. RETURNED
 * sends the report and postmortem back for revision; FINAL scores the attempt
 * and may certify its players.
 */
import type { Prisma } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { manifestOf } from "../core/level-manifest";
import { awardCertifications } from "../certification/award-certifications";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { rubricPercent, scoreAttempt } from "../scoring/score-attempt";
import { recordEvent } from "../timeline/record-event";
import { attemptFigures } from "./attempt-figures";
import { matchRubric, type GradeInput } from "./grade-schema";
import { gradingRubric } from "./grading-rubric";

export async function gradeAttempt(
  actor: Actor,
  attemptId: string,
  input: GradeInput,
  deps: Deps = defaultDeps(),
): Promise<{ gradeId: string; percent: number; score: number | null; certified: string[] }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "grade");
  if (attempt.status !== "SUBMITTED") throw new AppError("CONFLICT", "Only a submitted postmortem can be graded.");
  const manifest = manifestOf(attempt.level);
  const { criteria, errors } = matchRubric(gradingRubric(manifest.rubric, attempt.kind), input);
  if (Object.keys(errors).length > 0) throw new AppError("INVALID_INPUT", "Some criteria need a valid score.", errors);
  const percent = rubricPercent(criteria);
  const now = deps.now();

  const detail =
    input.outcome === "FINAL"
      ? scoreAttempt({
          rubricPercent: percent,
          parMinutes: manifest.parMinutes,
          minutesToMitigate: attemptFigures({ ...attempt, parMinutes: manifest.parMinutes }).minutesToMitigate,
          budgetBurned: attempt.budgetBurned,
          hintCosts: manifest.hints.slice(0, attempt.hintsUsed).map((h) => h.cost),
        })
      : null;

  const gradeId = await deps.db.$transaction(async (tx) => {
    const moved = await tx.attempt.updateMany({
      where: { id: attemptId, status: "SUBMITTED" },
      data:
        input.outcome === "FINAL"
          ? { status: "GRADED", score: detail!.total, scoreDetail: detail as unknown as Prisma.InputJsonValue }
          : { status: "RETURNED" },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "Someone graded this attempt a moment ago.");
    const grade = await tx.grade.create({
      data: {
        attemptId,
        graderId: actor.id,
        criteria: criteria as unknown as Prisma.InputJsonValue,
        percent,
        comment: input.comment.trim(),
        outcome: input.outcome,
        createdAt: now,
      },
    });
    await tx.postmortem.update({
      where: { attemptId },
      data: { status: input.outcome === "FINAL" ? "GRADED" : "RETURNED" },
    });
    if (input.outcome === "RETURNED")
      await tx.incidentReport.updateMany({ where: { attemptId }, data: { submittedAt: null } });
    // A final grade completes the assignment the attempt was started from.
    if (input.outcome === "FINAL" && attempt.assignmentId)
      await tx.assignment.updateMany({
        where: { id: attempt.assignmentId, completedAt: null },
        data: { completedAt: now },
      });
    await recordEvent(tx, {
      attemptId,
      kind: "SYSTEM",
      data: {
        message:
          input.outcome === "FINAL"
            ? `Graded: score ${detail!.total} / 100 (rubric ${percent} %)`
            : "Returned for revision",
      },
      actorId: actor.id,
      at: now,
    });
    // The players' attempt pages re-render with the grade at once (no reload).
    await publishLive(tx, { type: "attempt-changed", attemptId });
    return grade.id;
  });

  const certified =
    input.outcome === "FINAL"
      ? await awardCertifications(
          deps.db,
          attempt.members.map((m) => m.userId),
          now,
        )
      : [];
  return { gradeId, percent, score: detail?.total ?? null, certified };
}
