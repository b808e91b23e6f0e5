/**
 * A person's page for whoever may assign to them (facilitators and admins:
 * anyone who plays; a lead: their teams' people): who they are, where they
 * stand with certification, and their recent attempts. Anyone else is told
 * the person does not exist.
 */
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { loadFinalGrades } from "../certification/load-player-history";
import { assignScope, CAN_PLAY } from "../assignments/assignment-scope";
import { certificationStanding, type CertificationStanding } from "../certification/certification-standing";
import { ruleFromEnv } from "../certification/rule";
import { AppError } from "../errors";

export interface PersonOverview {
  id: string;
  name: string;
  email: string;
  team: { id: string; name: string } | null;
  now: Date;
  standing: CertificationStanding;
  levelTitles: Record<string, string>;
  attempts: { id: string; level: string; status: string; playMode: string; startedAt: string; score: number | null }[];
}

export async function getPersonOverview(
  actor: Actor,
  userId: string,
  deps: Deps = defaultDeps(),
): Promise<PersonOverview> {
  const scope = await assignScope(deps.db, actor);
  const person = await deps.db.user.findFirst({
    where: { id: userId, ...CAN_PLAY, ...scope.people },
    select: { id: true, name: true, email: true, team: { select: { id: true, name: true } } },
  });
  if (!person) throw new AppError("NOT_FOUND", "No such person.");
  const rule = ruleFromEnv();
  const [grades, cert, attempts, levels] = await Promise.all([
    loadFinalGrades(deps.db, [userId]),
    deps.db.certification.findFirst({ where: { userId }, select: { id: true } }),
    deps.db.attempt.findMany({
      where: { members: { some: { userId } } },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: {
        id: true,
        status: true,
        playMode: true,
        startedAt: true,
        score: true,
        level: { select: { title: true } },
      },
    }),
    deps.db.level.findMany({ select: { id: true, title: true } }),
  ]);
  const now = deps.now();
  return {
    ...person,
    now,
    standing: certificationStanding({
      grades: grades.get(userId) ?? [],
      rule,
      now,
      everCertified: cert !== null,
    }),
    levelTitles: Object.fromEntries(levels.map((l) => [l.id, l.title])),
    attempts: attempts.map((a) => ({
      id: a.id,
      level: a.level.title,
      status: a.status,
      playMode: a.playMode,
      startedAt: a.startedAt.toISOString(),
      score: a.score,
    })),
  };
}
