/**
 * For the lead's readiness table: per person, the levels passed (final grade
 * at the bar) in each category and what is left before certification, by the
 * same rule the certification is awarded with. The caller has already decided
 * who it may show (see lib/readiness/readiness-scope.ts).
 */
import type { PrismaClient } from "@prisma/client";
import { loadFinalGrades } from "./load-player-history";
import { progressToward, ruleFromEnv, type CertificationRule, type FinalGrade } from "./rule";

export interface PersonReadiness {
  passedByCategory: Record<string, number>;
  levelsLeft: number;
  categoriesLeft: number;
  met: boolean;
}

export async function passedByPerson(
  db: PrismaClient,
  userIds: string[],
  rule: CertificationRule = ruleFromEnv(),
): Promise<{ rule: CertificationRule; people: Map<string, PersonReadiness> }> {
  const grades = userIds.length > 0 ? await loadFinalGrades(db, userIds) : new Map<string, FinalGrade[]>();
  const people = new Map<string, PersonReadiness>();
  for (const id of userIds) {
    const p = progressToward(grades.get(id) ?? [], rule);
    const passedByCategory: Record<string, number> = {};
    for (const l of p.passedLevels) passedByCategory[l.category] = (passedByCategory[l.category] ?? 0) + 1;
    people.set(id, { passedByCategory, levelsLeft: p.levelsLeft, categoriesLeft: p.categoriesLeft, met: p.met });
  }
  return { rule, people };
}
