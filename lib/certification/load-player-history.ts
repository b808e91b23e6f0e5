/**
 * What a player has done so far: levels passed (the one score, lib/scoring/one-score.ts,
 * at the bar once finally graded) and attempts per category.
 */
import type { PrismaClient } from "@prisma/client";
import { progressToward, ruleFromEnv, type CertificationRule, type FinalGrade } from "./rule";

export async function loadFinalGrades(db: PrismaClient, userIds: string[]): Promise<Map<string, FinalGrade[]>> {
  const attempts = await db.attempt.findMany({
    where: { members: { some: { userId: { in: userIds } } }, grades: { some: { outcome: "FINAL" } } },
    select: {
      levelId: true,
      score: true,
      playMode: true,
      level: { select: { category: true } },
      members: { select: { userId: true } },
      grades: {
        where: { outcome: "FINAL" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { percent: true, createdAt: true },
      },
    },
  });
  const out = new Map<string, FinalGrade[]>(userIds.map((id) => [id, []]));
  for (const a of attempts) {
    // A final grade always scores the attempt; the score, not the rubric percent, is what passes a level.
    if (!a.grades[0] || a.score === null) continue;
    for (const m of a.members)
      out.get(m.userId)?.push({
        levelId: a.levelId,
        category: a.level.category,
        percent: a.score,
        mode: a.playMode,
        gradedAt: a.grades[0].createdAt,
      });
  }
  return out;
}

export async function loadPlayerHistory(db: PrismaClient, userId: string, rule: CertificationRule = ruleFromEnv()) {
  const grades = (await loadFinalGrades(db, [userId])).get(userId) ?? [];
  const progress = progressToward(grades, rule);
  const practice = await db.attempt.findMany({
    where: { members: { some: { userId } } },
    select: { level: { select: { category: true } } },
  });
  const practiceByCategory = new Map<string, number>();
  for (const a of practice)
    practiceByCategory.set(a.level.category, (practiceByCategory.get(a.level.category) ?? 0) + 1);
  // "Passed" a level: a final grade at the bar in either mode (the rule may still ask for certification mode).
  const passed = progressToward(grades, { ...rule, requireCertMode: false });
  return { grades, progress, passedLevelIds: new Set(passed.passedLevels.map((l) => l.levelId)), practiceByCategory };
}
