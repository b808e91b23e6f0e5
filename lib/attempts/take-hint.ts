/** The player takes the next hint: it costs points, is recorded on the timeline and counted. */
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { recordEvent } from "../timeline/record-event";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { manifestOf } from "../core/level-manifest";

export async function takeHint(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<{ index: number; text: string; cost: number }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  // Whatever its state, a certification attempt never has hints.
  if (attempt.playMode === "CERTIFICATION")
    throw new AppError("FORBIDDEN", "A certification attempt has no hints: this one is on you.");
  if (attempt.status !== "ACTIVE")
    throw new AppError("CONFLICT", "Hints are only available while the incident is open.");
  const hints = manifestOf(attempt.level).hints;
  const index = attempt.hintsUsed;
  const hint = hints[index];
  if (!hint) throw new AppError("CONFLICT", "There are no more hints for this level.");
  await deps.db.$transaction(async (tx) => {
    // Conditional on the count we read, so a double click takes one hint, not two.
    const taken = await tx.attempt.updateMany({
      where: { id: attemptId, hintsUsed: index },
      data: { hintsUsed: index + 1 },
    });
    if (taken.count !== 1) throw new AppError("CONFLICT", "That hint was just taken; reload to see it.");
    await recordEvent(tx, {
      attemptId,
      kind: "HINT",
      data: { index, cost: hint.cost, text: hint.text },
      actorId: actor.id,
    });
  });
  return { index, text: hint.text, cost: hint.cost };
}
