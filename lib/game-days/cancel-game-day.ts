/** A facilitator calls off a game day that has not started yet. */
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";
import { AppError } from "../errors";
import { publishLiveQuietly } from "../bus/publish";

export async function cancelGameDay(actor: Actor, gameDayId: string, deps: Deps = defaultDeps()): Promise<void> {
  assertAllowed(actor, "facilitate");
  const gameDay = await deps.db.gameDay.findUnique({ where: { id: gameDayId }, select: { teamId: true } });
  if (!gameDay) throw new AppError("NOT_FOUND", "No such game day.");
  const moved = await deps.db.gameDay.updateMany({
    where: { id: gameDayId, status: "SCHEDULED" },
    data: { status: "CANCELLED", endedAt: deps.now() },
  });
  if (moved.count !== 1) throw new AppError("CONFLICT", "Only a game day that has not started can be cancelled.");
  await publishLiveQuietly(deps.db, { type: "game-day", gameDayId, teamId: gameDay.teamId });
}
