/**
 * The rubric a facilitator grades an attempt with: the level's own (report and
 * postmortem) and, for a team's game day, how the team communicated. Solo
 * attempts are graded exactly as before.
 */
import type { RubricCriterion } from "../levels/manifest-schema";

export const RUBRIC_SECTIONS = ["report", "postmortem", "communication"] as const;
export type RubricSection = (typeof RUBRIC_SECTIONS)[number];

export type GradingRubric = {
  report: RubricCriterion[];
  postmortem: RubricCriterion[];
  communication?: RubricCriterion[];
};

export const COMMUNICATION_CRITERION: RubricCriterion = {
  id: "communication",
  title: "Communication",
  description:
    "Regular status updates while the incident ran, an incident commander held throughout, and stakeholders answered within the time they asked for (see the communication figures).",
  points: 20,
};

export function gradingRubric(
  rubric: { report: RubricCriterion[]; postmortem: RubricCriterion[] },
  kind: "SOLO" | "TEAM",
): GradingRubric {
  return kind === "TEAM" ? { ...rubric, communication: [COMMUNICATION_CRITERION] } : rubric;
}
