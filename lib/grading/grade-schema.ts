/** A facilitator's grade: a score and comment per rubric criterion, an overall comment, and the outcome. */
import { z } from "zod";
import { RUBRIC_SECTIONS, type GradingRubric, type RubricSection } from "./grading-rubric";

export const GradeCriterionInputSchema = z
  .object({ criterionId: z.string().min(1), score: z.number().min(0), comment: z.string().max(4000).default("") })
  .strict();

export const GradeInputSchema = z
  .object({
    criteria: z.array(GradeCriterionInputSchema).min(1),
    comment: z.string().max(8000).default(""),
    outcome: z.enum(["RETURNED", "FINAL"]),
  })
  .strict();
export type GradeInput = z.infer<typeof GradeInputSchema>;

export interface StoredCriterion {
  criterionId: string;
  section: RubricSection;
  title: string;
  score: number;
  max: number;
  comment: string;
}

export const StoredCriteriaSchema = z.array(
  z.object({
    criterionId: z.string(),
    section: z.enum(RUBRIC_SECTIONS),
    title: z.string(),
    score: z.number(),
    max: z.number(),
    comment: z.string(),
  }),
);

/** Matches the input to the rubric (gradingRubric): every criterion scored once, within its points. */
export function matchRubric(
  rubric: GradingRubric,
  input: GradeInput,
): { criteria: StoredCriterion[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const given = new Map(input.criteria.map((c) => [c.criterionId, c]));
  const criteria: StoredCriterion[] = [];
  for (const section of RUBRIC_SECTIONS) {
    for (const r of rubric[section] ?? []) {
      const g = given.get(r.id);
      given.delete(r.id);
      if (!g) {
        errors[r.id] = "Score this criterion.";
        continue;
      }
      if (g.score > r.points) errors[r.id] = `At most ${r.points} points.`;
      criteria.push({
        criterionId: r.id,
        section,
        title: r.title,
        score: g.score,
        max: r.points,
        comment: g.comment.trim(),
      });
    }
  }
  for (const extra of given.keys()) errors[extra] = "Not a criterion of this level's rubric.";
  return { criteria, errors };
}
