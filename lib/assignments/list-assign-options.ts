/** What the assign form offers the actor: the people and teams in their scope, the levels and categories. */
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { assignScope, CAN_PLAY } from "./assignment-scope";

export interface AssignOptions {
  people: { id: string; name: string; team: string | null }[];
  teams: { id: string; name: string; players: number }[];
  levels: { id: string; title: string; category: string; difficulty: string }[];
  categories: string[];
}

export async function listAssignOptions(actor: Actor, deps: Deps = defaultDeps()): Promise<AssignOptions> {
  const scope = await assignScope(deps.db, actor);
  const [people, teams, levels] = await Promise.all([
    deps.db.user.findMany({
      where: { ...CAN_PLAY, ...scope.people },
      select: { id: true, name: true, team: { select: { name: true } } },
      orderBy: { name: "asc" },
      take: 1000,
    }),
    deps.db.team.findMany({
      where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
      select: { id: true, name: true, _count: { select: { members: { where: CAN_PLAY } } } },
      orderBy: { name: "asc" },
    }),
    deps.db.level.findMany({
      where: { enabled: true },
      select: { id: true, title: true, category: true, difficulty: true },
      orderBy: [{ category: "asc" }, { title: "asc" }],
    }),
  ]);
  return {
    people: people.map((p) => ({ id: p.id, name: p.name, team: p.team?.name ?? null })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, players: t._count.members })),
    levels,
    categories: [...new Set(levels.map((l) => l.category))],
  };
}
