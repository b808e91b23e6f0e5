/**
 * A player acknowledges the incident ("I've seen it"): the time-to-detect clock
 * stops, once (see detection.ts). Acknowledging again changes nothing.
 */
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { recordEvent } from "../timeline/record-event";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { isIn, PLAYING } from "../core/attempt-status";

export async function acknowledgeIncident(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<{ detectedAt: string; acknowledged: boolean }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  if (!isIn(PLAYING, attempt.status))
    throw new AppError("CONFLICT", "The incident can be acknowledged while it is open.");
  if (attempt.detectedAt) return { detectedAt: attempt.detectedAt.toISOString(), acknowledged: false };
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    // Conditional, so a double click or a teammate's report save a moment earlier keeps the first moment.
    const moved = await tx.attempt.updateMany({
      where: { id: attemptId, detectedAt: null },
      data: { detectedAt: now },
    });
    if (moved.count !== 1) {
      const current = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { detectedAt: true } });
      return { detectedAt: (current.detectedAt ?? now).toISOString(), acknowledged: false };
    }
    await recordEvent(tx, {
      attemptId,
      kind: "SYSTEM",
      data: { message: `${actor.name} acknowledged the incident` },
      actorId: actor.id,
      at: now,
    });
    await publishLive(tx, { type: "attempt-changed", attemptId });
    return { detectedAt: now.toISOString(), acknowledged: true };
  });
}
