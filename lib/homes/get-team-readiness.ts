import { type PrismaClient } from "@prisma/client";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";

/**
 * People × level categories for the teams an actor leads (admins: all teams):
 * how many of each category's levels each person has had graded, and whether
 * they are certified.
 */
export async function getTeamReadiness(db: PrismaClient, actor: Actor) {
  assertAllowed(actor, "lead");
  const [teams, levels] = await Promise.all([
    db.team.findMany({
      where: actor.role === "ADMIN" ? {} : { leadId: actor.id },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        members: {
          where: { disabledAt: null },
          orderBy: { name: "asc" },
          select: {
            id: true,
            name: true,
            email: true,
            certifications: { orderBy: { awardedAt: "desc" }, take: 1, select: { awardedAt: true } },
          },
        },
      },
    }),
    db.level.findMany({ where: { enabled: true }, select: { id: true, category: true } }),
  ]);
  const categoryOf = new Map(levels.map((l) => [l.id, l.category]));
  const categories = [...new Set(levels.map((l) => l.category))].sort();
  const levelsPerCategory = Object.fromEntries(
    categories.map((c) => [c, levels.filter((l) => l.category === c).length]),
  );

  const memberIds = teams.flatMap((t) => t.members.map((m) => m.id));
  const graded = memberIds.length
    ? await db.attemptMember.findMany({
        where: { userId: { in: memberIds }, attempt: { status: "GRADED" } },
        select: { userId: true, attempt: { select: { levelId: true } } },
      })
    : [];
  const doneBy = new Map<string, Set<string>>();
  for (const g of graded) {
    const set = doneBy.get(g.userId) ?? new Set<string>();
    set.add(g.attempt.levelId);
    doneBy.set(g.userId, set);
  }

  return {
    categories: categories.map((c) => ({ name: c, levels: levelsPerCategory[c] ?? 0 })),
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      people: t.members.map((m) => {
        const done = [...(doneBy.get(m.id) ?? [])];
        const byCategory = Object.fromEntries(
          categories.map((c) => [c, done.filter((id) => categoryOf.get(id) === c).length]),
        );
        return {
          id: m.id,
          name: m.name,
          email: m.email,
          certifiedAt: m.certifications[0]?.awardedAt ?? null,
          byCategory,
        };
      }),
    })),
  };
}
