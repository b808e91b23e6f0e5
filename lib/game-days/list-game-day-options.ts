/** What the schedule form offers: the teams (with how many can play) and the enabled levels. */
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";

export interface GameDayOptions {
  teams: { id: string; name: string; members: number }[];
  levels: { id: string; title: string; category: string; difficulty: string }[];
}

export async function listGameDayOptions(actor: Actor, deps: Deps = defaultDeps()): Promise<GameDayOptions> {
  assertAllowed(actor, "facilitate");
  const [teams, levels] = await Promise.all([
    deps.db.team.findMany({
      select: { id: true, name: true, _count: { select: { members: { where: { disabledAt: null } } } } },
      orderBy: { name: "asc" },
    }),
    deps.db.level.findMany({
      where: { enabled: true },
      select: { id: true, title: true, category: true, difficulty: true },
      orderBy: [{ category: "asc" }, { title: "asc" }],
    }),
  ]);
  return { teams: teams.map((t) => ({ id: t.id, name: t.name, members: t._count.members })), levels };
}
