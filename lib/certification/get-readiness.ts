/**
 * The lead's readiness table: people × categories (levels passed in each) and
 * whether each person is certified. Leads see the teams they lead or belong
 * to; admins see every player.
 */
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../attempts/deps";
import { loadFinalGrades } from "../attempts/load-player-history";
import { AppError } from "../errors";
import { progressToward, ruleFromEnv, type CertificationRule } from "./rule";

export interface ReadinessRow {
  userId: string;
  name: string;
  email: string;
  team: string | null;
  passedByCategory: Record<string, number>;
  levelsPassed: number;
  certifiedAt: string | null;
}

export async function getReadiness(actor: Actor, deps: Deps = defaultDeps()): Promise<{ rule: CertificationRule; categories: string[]; rows: ReadinessRow[] }> {
  if (actor.role !== "LEAD" && actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only leads see team readiness.");
  const rule = ruleFromEnv();
  let teamIds: string[] | undefined;
  if (actor.role === "LEAD") {
    const led = await deps.db.team.findMany({ where: { leadId: actor.id }, select: { id: true } });
    teamIds = [...new Set([...led.map((t) => t.id), ...(actor.teamId ? [actor.teamId] : [])])];
  }
  const users = await deps.db.user.findMany({
    where: { role: "PLAYER", disabledAt: null, ...(teamIds ? { teamId: { in: teamIds } } : {}) },
    orderBy: { name: "asc" },
    include: { team: { select: { name: true } }, certifications: { orderBy: { awardedAt: "asc" }, take: 1 } },
  });
  const levels = await deps.db.level.findMany({ where: { enabled: true }, select: { category: true }, distinct: ["category"], orderBy: { category: "asc" } });
  const grades = await loadFinalGrades(deps.db, users.map((u) => u.id));
  const rows = users.map((u) => {
    const progress = progressToward(grades.get(u.id) ?? [], rule);
    const passedByCategory: Record<string, number> = {};
    for (const l of progress.passedLevels) passedByCategory[l.category] = (passedByCategory[l.category] ?? 0) + 1;
    return {
      userId: u.id,
      name: u.name,
      email: u.email,
      team: u.team?.name ?? null,
      passedByCategory,
      levelsPassed: progress.passedLevels.length,
      certifiedAt: u.certifications[0]?.awardedAt.toISOString() ?? null,
    };
  });
  return { rule, categories: levels.map((l) => l.category), rows };
}
