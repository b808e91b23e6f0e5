/**
 * The one score: every page shows an attempt's score out of 100 as
 * `scoreAttempt` (./score-attempt.ts) works it out when the final grade is
 * given, and nothing else. The rubric percent is one of its parts, never a
 * score of its own. Pure.
 */
import { WEIGHTS } from "./score-attempt";

/** The score of an attempt, or null until it has a final grade. */
export function oneScore(a: { status: string; score: number | null }): number | null {
  return a.status === "GRADED" && typeof a.score === "number" ? a.score : null;
}

export function formatScore(score: number | null): string {
  return score === null ? "—" : `${score} / 100`;
}

/** The parts, in a sentence, for wherever a score is shown. */
export const SCORE_PARTS = `Score out of 100: report and postmortem against the rubric (${WEIGHTS.rubric}), time to mitigate against par (${WEIGHTS.time}), error budget kept (${WEIGHTS.budget}), minus any hints taken.`;

/** What the rubric part contributes, for the grade's criteria table. */
export function rubricPoints(rubricPercent: number): number {
  return Math.round(WEIGHTS.rubric * Math.min(1, Math.max(0, rubricPercent / 100)) * 10) / 10;
}
