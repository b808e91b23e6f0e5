/** After a final grade: every player who now meets the rule and holds no certification gets one. */
import type { Prisma, PrismaClient } from "@prisma/client";
import { loadFinalGrades } from "../attempts/load-player-history";
import { progressToward, ruleFromEnv, type CertificationRule } from "./rule";

export async function awardCertifications(
  db: PrismaClient,
  userIds: string[],
  now: Date,
  rule: CertificationRule = ruleFromEnv(),
): Promise<string[]> {
  const grades = await loadFinalGrades(db, userIds);
  const awarded: string[] = [];
  for (const userId of userIds) {
    if (!progressToward(grades.get(userId) ?? [], rule).met) continue;
    const created = await db.$transaction(async (tx) => {
      if (await tx.certification.findFirst({ where: { userId }, select: { id: true } })) return false;
      await tx.certification.create({
        data: { userId, rule: rule as unknown as Prisma.InputJsonValue, awardedAt: now },
      });
      return true;
    });
    if (created) awarded.push(userId);
  }
  return awarded;
}
