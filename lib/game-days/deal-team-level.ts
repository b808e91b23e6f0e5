/**
 * The level a game day with "a random level" gets: the solo rule (choose-level)
 * over the whole team's history: levels every member has passed are skipped,
 * and categories the team has practised least come first.
 */
import type { PrismaClient } from "@prisma/client";
import { chooseLevel } from "../attempts/choose-level";
import { loadPlayerHistory } from "../certification/load-player-history";

export async function dealTeamLevel(
  db: PrismaClient,
  memberIds: string[],
  random?: () => number,
): Promise<string | undefined> {
  const levels = await db.level.findMany({ where: { enabled: true }, select: { id: true, category: true } });
  const histories = await Promise.all(memberIds.map((id) => loadPlayerHistory(db, id)));
  const passedByAll = new Set(
    levels.map((l) => l.id).filter((id) => histories.length > 0 && histories.every((h) => h.passedLevelIds.has(id))),
  );
  const practiceByCategory = new Map<string, number>();
  for (const h of histories)
    for (const [category, n] of h.practiceByCategory)
      practiceByCategory.set(category, (practiceByCategory.get(category) ?? 0) + n);
  return chooseLevel({ levels, passedLevelIds: passedByAll, practiceByCategory, ...(random ? { random } : {}) })?.id;
}
