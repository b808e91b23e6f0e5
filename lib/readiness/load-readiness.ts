/**
 * Everything the readiness page, its charts and its CSV draw on, for the
 * people and period the filter picks (see readiness-scope.ts for who sees what).
 */
import type { PrismaClient } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { loadFinalGrades } from "../attempts/load-player-history";
import {
  progressToward,
  ruleFromEnv,
  type CertificationRule,
  type FinalGrade,
  type Progress,
} from "../certification/rule";
import { attemptFigures } from "../grading/attempt-figures";
import { oneScore } from "../scoring/one-score";
import { periodStart, type ReadinessFilter } from "./period";
import type { ReadinessAttempt, ReadinessLevel, ReadinessPerson } from "./readiness-row";
import { readinessScope } from "./readiness-scope";

export interface Readiness {
  filter: ReadinessFilter;
  from: Date | null;
  now: Date;
  rule: CertificationRule;
  teams: { id: string; name: string }[];
  canSeeTeamless: boolean;
  seesEveryone: boolean;
  people: (ReadinessPerson & { certifiedAt: Date | null; progress: Progress })[];
  levels: ReadinessLevel[];
  attempts: ReadinessAttempt[];
}

export async function loadReadiness(
  db: PrismaClient,
  actor: Actor,
  filter: ReadinessFilter,
  now: Date = new Date(),
): Promise<Readiness> {
  const scope = await readinessScope(db, actor, filter);
  const from = periodStart(filter.period, now);
  const rule = ruleFromEnv();
  const [users, levels] = await Promise.all([
    db.user.findMany({
      where: {
        ...scope.people,
        disabledAt: null,
        // Without a team filter, staff accounts that never played are noise.
        ...(filter.team === "all" || filter.team === "none"
          ? { OR: [{ role: "PLAYER" }, { attemptMembers: { some: {} } }, { teamId: { not: null } }] }
          : {}),
      },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        team: { select: { name: true } },
        certifications: { orderBy: { awardedAt: "desc" }, take: 1, select: { awardedAt: true } },
      },
    }),
    db.level.findMany({
      where: { enabled: true },
      orderBy: [{ category: "asc" }, { title: "asc" }],
      select: { id: true, title: true, category: true, parMinutes: true },
    }),
  ]);
  const ids = users.map((u) => u.id);
  const [members, grades] = await Promise.all([
    ids.length === 0
      ? []
      : db.attemptMember.findMany({
          where: {
            userId: { in: ids },
            attempt: { ...scope.attempts, ...(from ? { startedAt: { gte: from } } : {}) },
          },
          orderBy: { attempt: { startedAt: "asc" } },
          select: {
            userId: true,
            attempt: {
              include: {
                level: { select: { title: true, category: true, parMinutes: true } },
                grades: { where: { outcome: "FINAL" }, orderBy: { createdAt: "desc" }, take: 1 },
              },
            },
          },
        }),
    ids.length === 0 ? new Map<string, FinalGrade[]>() : loadFinalGrades(db, ids),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const attempts: ReadinessAttempt[] = members.map(({ userId, attempt: a }) => {
    const f = attemptFigures({ ...a, parMinutes: a.level.parMinutes });
    const u = byId.get(userId)!;
    return {
      attemptId: a.id,
      personId: userId,
      personName: u.name,
      teamName: u.team?.name ?? null,
      levelId: a.levelId,
      levelTitle: a.level.title,
      category: a.level.category,
      parMinutes: a.level.parMinutes,
      kind: a.kind,
      status: a.status,
      startedAt: a.startedAt,
      gradedAt: a.grades[0]?.createdAt ?? null,
      score: oneScore(a),
      minutesToDetect: f.minutesToDetect,
      minutesToMitigate: f.minutesToMitigate,
      hintsUsed: a.hintsUsed,
      checksTried: a.checksTried,
      budgetBurned: a.budgetBurned,
    };
  });
  return {
    filter,
    from,
    now,
    rule,
    teams: scope.teams,
    canSeeTeamless: scope.canSeeTeamless,
    seesEveryone: scope.seesEveryone,
    people: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      teamName: u.team?.name ?? null,
      certifiedAt: u.certifications[0]?.awardedAt ?? null,
      // Certification progress is all-time, by the rule's own reading of final grades.
      progress: progressToward(grades.get(u.id) ?? [], rule),
    })),
    levels,
    attempts,
  };
}
