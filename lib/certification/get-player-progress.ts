/** The player home's figures: progress toward certification per category, the attempts, the assignments. */
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { loadPlayerHistory } from "./load-player-history";
import { assignmentLabel, assignmentState, type AssignmentState } from "../assignments/assignment-status";
import { certificationStanding, type StandingState } from "./certification-standing";
import { ruleFromEnv, type CertificationRule, type Progress } from "./rule";

export interface PlayerProgress {
  /** The moment these figures were taken (pages compare dates against it, not their own clock). */
  now: string;
  rule: CertificationRule;
  progress: Progress;
  certifiedAt: string | null;
  /** Certified, expiring soon, expired or not certified; until when; what to replay (in certification mode). */
  standing: {
    state: StandingState;
    validUntil: string | null;
    renew: { levelId: string; title: string; category: string; expiresAt: string }[];
  };
  categories: {
    category: string;
    levels: { id: string; title: string; difficulty: string; passed: boolean; bestScore: number | null }[];
  }[];
  attempts: {
    id: string;
    levelTitle: string;
    category: string;
    status: string;
    startedAt: string;
    score: number | null;
  }[];
  assignments: {
    id: string;
    label: string;
    certification: boolean;
    note: string;
    dueAt: string | null;
    state: AssignmentState;
    /** The attempt started from it that is waiting for its grade, if any (no second start meanwhile). */
    awaitingGrade: string | null;
    assignedBy: string;
  }[];
}

export async function getPlayerProgress(actor: Actor, deps: Deps = defaultDeps()): Promise<PlayerProgress> {
  const rule = ruleFromEnv();
  const now = deps.now();
  const history = await loadPlayerHistory(deps.db, actor.id, rule);
  const [levels, cert, attempts, assignments] = await Promise.all([
    deps.db.level.findMany({ where: { enabled: true }, orderBy: [{ category: "asc" }, { title: "asc" }] }),
    deps.db.certification.findFirst({ where: { userId: actor.id }, orderBy: { awardedAt: "desc" } }),
    deps.db.attempt.findMany({
      where: { members: { some: { userId: actor.id } } },
      orderBy: { createdAt: "desc" },
      take: 20,
      include: { level: { select: { title: true, category: true } } },
    }),
    deps.db.assignment.findMany({
      where: {
        // Open ones, and those done in the last two weeks (so a player sees the assignment close).
        AND: [
          { OR: [{ completedAt: null }, { completedAt: { gte: new Date(now.getTime() - 14 * 24 * 60 * 60_000) } }] },
          { OR: [{ assigneeId: actor.id }, ...(actor.teamId ? [{ teamId: actor.teamId, assigneeId: null }] : [])] },
        ],
      },
      orderBy: [{ completedAt: { sort: "desc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }],
      include: {
        level: { select: { title: true } },
        assignedBy: { select: { name: true } },
        attempts: { where: { status: "SUBMITTED" }, select: { id: true }, take: 1 },
      },
    }),
  ]);
  const standing = certificationStanding({ grades: history.grades, rule, now, everCertified: cert !== null });
  const titles = new Map(levels.map((l) => [l.id, l.title]));
  const best = new Map<string, number>();
  for (const g of history.grades) best.set(g.levelId, Math.max(best.get(g.levelId) ?? 0, g.percent));
  const byCategory = new Map<string, PlayerProgress["categories"][number]["levels"]>();
  for (const l of levels) {
    const list = byCategory.get(l.category) ?? [];
    list.push({
      id: l.id,
      title: l.title,
      difficulty: l.difficulty,
      passed: history.passedLevelIds.has(l.id),
      bestScore: best.get(l.id) ?? null,
    });
    byCategory.set(l.category, list);
  }
  return {
    now: now.toISOString(),
    rule,
    progress: standing.progress,
    certifiedAt: cert?.awardedAt.toISOString() ?? null,
    standing: {
      state: standing.state,
      validUntil: standing.validUntil?.toISOString() ?? null,
      renew: standing.renew.map((l) => ({
        levelId: l.levelId,
        title: titles.get(l.levelId) ?? l.levelId,
        category: l.category,
        expiresAt: l.expiresAt.toISOString(),
      })),
    },
    categories: [...byCategory.entries()].map(([category, lvls]) => ({ category, levels: lvls })),
    attempts: attempts.map((a) => ({
      id: a.id,
      levelTitle: a.level.title,
      category: a.level.category,
      status: a.status,
      startedAt: a.startedAt.toISOString(),
      score: a.score,
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      label: assignmentLabel({
        pick: a.pick,
        levelTitle: a.level?.title ?? null,
        category: a.category,
        playMode: a.playMode,
      }),
      certification: a.playMode === "CERTIFICATION",
      note: a.note,
      dueAt: a.dueAt?.toISOString() ?? null,
      state: assignmentState(a, now),
      awaitingGrade: a.attempts[0]?.id ?? null,
      assignedBy: a.assignedBy.name,
    })),
  };
}
