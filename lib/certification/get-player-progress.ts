/** The player home's figures: progress toward certification per category, the attempts, the assignments. */
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../attempts/deps";
import { loadPlayerHistory } from "../attempts/load-player-history";
import { ruleFromEnv, type CertificationRule, type Progress } from "./rule";

export interface PlayerProgress {
  rule: CertificationRule;
  progress: Progress;
  certifiedAt: string | null;
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
    levelId: string | null;
    levelTitle: string | null;
    note: string;
    dueAt: string | null;
    assignedBy: string;
  }[];
}

export async function getPlayerProgress(actor: Actor, deps: Deps = defaultDeps()): Promise<PlayerProgress> {
  const rule = ruleFromEnv();
  const history = await loadPlayerHistory(deps.db, actor.id, rule);
  const [levels, cert, attempts, assignments] = await Promise.all([
    deps.db.level.findMany({ where: { enabled: true }, orderBy: [{ category: "asc" }, { title: "asc" }] }),
    deps.db.certification.findFirst({ where: { userId: actor.id }, orderBy: { awardedAt: "asc" } }),
    deps.db.attempt.findMany({
      where: { members: { some: { userId: actor.id } } },
      orderBy: { createdAt: "desc" },
      take: 20,
      include: { level: { select: { title: true, category: true } } },
    }),
    deps.db.assignment.findMany({
      where: {
        completedAt: null,
        OR: [{ assigneeId: actor.id }, ...(actor.teamId ? [{ teamId: actor.teamId, assigneeId: null }] : [])],
      },
      orderBy: [{ dueAt: "asc" }, { createdAt: "desc" }],
      include: { level: { select: { title: true } }, assignedBy: { select: { name: true } } },
    }),
  ]);
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
    rule,
    progress: history.progress,
    certifiedAt: cert?.awardedAt.toISOString() ?? null,
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
      levelId: a.levelId,
      levelTitle: a.level?.title ?? null,
      note: a.note,
      dueAt: a.dueAt?.toISOString() ?? null,
      assignedBy: a.assignedBy.name,
    })),
  };
}
