/**
 * The level an assignment starts: its named level, or one dealt from its
 * category, or a random one the player has not passed (least-practised
 * categories first, as "Start a random level" deals).
 */
import type { Assignment, PrismaClient } from "@prisma/client";
import { AppError } from "../errors";
import { chooseLevel, type CandidateLevel } from "./choose-level";
import { loadPlayerHistory } from "../certification/load-player-history";

export async function pickAssignedLevel(
  db: PrismaClient,
  userId: string,
  assignment: Pick<Assignment, "pick" | "levelId" | "category">,
  enabled: CandidateLevel[],
): Promise<string> {
  if (assignment.pick === "LEVEL") {
    if (!assignment.levelId) throw new AppError("NOT_FOUND", "The assigned level no longer exists.");
    return assignment.levelId;
  }
  const pool = assignment.pick === "CATEGORY" ? enabled.filter((l) => l.category === assignment.category) : enabled;
  const history = await loadPlayerHistory(db, userId);
  const level = chooseLevel({
    levels: pool,
    passedLevelIds: history.passedLevelIds,
    practiceByCategory: history.practiceByCategory,
  });
  if (!level) throw new AppError("NOT_FOUND", "No level of this assignment can be played right now.");
  return level.id;
}
