import { type PrismaClient } from "@prisma/client";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";

/** The player's home: the level catalogue and their own progress (never anyone else's). */
export async function getPlayerHome(db: PrismaClient, actor: Actor) {
  assertAllowed(actor, "play");
  const [levels, certification, graded] = await Promise.all([
    db.level.findMany({
      where: { enabled: true },
      orderBy: [{ category: "asc" }, { title: "asc" }],
      select: { id: true, title: true, category: true, difficulty: true, parMinutes: true },
    }),
    db.certification.findFirst({
      where: { userId: actor.id },
      orderBy: { awardedAt: "desc" },
      select: { awardedAt: true },
    }),
    db.attempt.findMany({
      where: { status: "GRADED", members: { some: { userId: actor.id } } },
      distinct: ["levelId"],
      select: { levelId: true },
    }),
  ]);
  const done = new Set(graded.map((a) => a.levelId));
  const categories = [...new Set(levels.map((l) => l.category))];
  return {
    levels: levels.map((l) => ({ ...l, completed: done.has(l.id) })),
    progress: {
      certifiedAt: certification?.awardedAt ?? null,
      levelsCompleted: done.size,
      categoriesCovered: new Set(levels.filter((l) => done.has(l.id)).map((l) => l.category)).size,
      categories: categories.length,
    },
  };
}
