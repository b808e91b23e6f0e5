/**
 * After a final grade: every player who now meets the rule (with passes that
 * still count) gets a certification, unless the one they hold is still in
 * force; a lapsed one is renewed with a new row, so the record shows each award.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import { loadFinalGrades } from "./load-player-history";
import { certificationStanding } from "./certification-standing";
import { ruleFromEnv, type CertificationRule } from "./rule";

export async function awardCertifications(
  db: PrismaClient,
  userIds: string[],
  now: Date,
  rule: CertificationRule = ruleFromEnv(),
): Promise<string[]> {
  const grades = await loadFinalGrades(db, userIds);
  const awarded: string[] = [];
  for (const userId of userIds) {
    const mine = grades.get(userId) ?? [];
    if (!certificationStanding({ grades: mine, rule, now, everCertified: false }).progress.met) continue;
    const created = await db.$transaction(async (tx) => {
      const last = await tx.certification.findFirst({
        where: { userId },
        orderBy: { awardedAt: "desc" },
        select: { awardedAt: true },
      });
      // Still in force: the rule held continuously since the last award unless it lapsed in between.
      if (last && !lapsedSince(mine, rule, last.awardedAt, now)) return false;
      await tx.certification.create({
        data: { userId, rule: rule as unknown as Prisma.InputJsonValue, awardedAt: now },
      });
      return true;
    });
    if (created) awarded.push(userId);
  }
  return awarded;
}

/** Whether the rule stopped holding at some moment between `since` and `now`, judged with the grades given by then. */
function lapsedSince(
  grades: Parameters<typeof certificationStanding>[0]["grades"],
  rule: CertificationRule,
  since: Date,
  now: Date,
): boolean {
  let at = since;
  for (;;) {
    const known = grades.filter((g) => !g.gradedAt || g.gradedAt <= at);
    const standing = certificationStanding({ grades: known, rule, now: at, everCertified: true });
    if (!standing.progress.met) return true;
    if (!standing.validUntil || standing.validUntil >= now) return false;
    at = standing.validUntil; // the next moment it would lapse, unless a grade given before then renewed it
  }
}
