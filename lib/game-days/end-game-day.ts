/**
 * A facilitator ends a running game day. An incident still open (not yet
 * mitigated) is abandoned and its environment torn down; a mitigated one goes
 * on to its report and postmortem as usual.
 */
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";
import { releaseEnvironment } from "../attempts/release-environment";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { recordEvent } from "../timeline/record-event";
import { ABANDONABLE } from "../core/attempt-status";

export async function endGameDay(
  actor: Actor,
  gameDayId: string,
  deps: Deps = defaultDeps(),
): Promise<{ abandoned: boolean }> {
  assertAllowed(actor, "facilitate");
  const gameDay = await deps.db.gameDay.findUnique({
    where: { id: gameDayId },
    select: { teamId: true, attempt: { select: { id: true } } },
  });
  if (!gameDay) throw new AppError("NOT_FOUND", "No such game day.");
  const now = deps.now();
  const attemptId = gameDay.attempt?.id ?? null;
  const abandoned = await deps.db.$transaction(async (tx) => {
    const moved = await tx.gameDay.updateMany({
      where: { id: gameDayId, status: "RUNNING" },
      data: { status: "ENDED", endedAt: now },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "Only a running game day can be ended.");
    await publishLive(tx, { type: "game-day", gameDayId, teamId: gameDay.teamId });
    if (!attemptId) return false;
    const closed = await tx.attempt.updateMany({
      where: { id: attemptId, status: { in: [...ABANDONABLE] } },
      data: { status: "ABANDONED", endedAt: now },
    });
    await recordEvent(tx, {
      attemptId,
      kind: "SYSTEM",
      data: { message: closed.count === 1 ? "Game day ended by the facilitator before mitigation" : "Game day ended" },
      actorId: actor.id,
      at: now,
    });
    await publishLive(tx, { type: "attempt-changed", attemptId });
    return closed.count === 1;
  });
  if (abandoned && attemptId) await releaseEnvironment(deps, attemptId);
  return { abandoned };
}
