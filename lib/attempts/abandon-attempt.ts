/** The player gives up on an open incident: the environment is torn down and the attempt closed. */
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { recordEvent } from "../timeline/record-event";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { releaseEnvironment } from "./release-environment";
import { publishLive } from "../bus/publish";
import { ABANDONABLE, isIn } from "../core/attempt-status";

export async function abandonAttempt(actor: Actor, attemptId: string, deps: Deps = defaultDeps()): Promise<void> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  if (!isIn(ABANDONABLE, attempt.status)) throw new AppError("CONFLICT", "Only an open incident can be abandoned.");
  await deps.db.$transaction(async (tx) => {
    await tx.attempt.update({ where: { id: attemptId }, data: { status: "ABANDONED", endedAt: deps.now() } });
    await recordEvent(tx, {
      attemptId,
      kind: "SYSTEM",
      data: { message: "Abandoned by the player" },
      actorId: actor.id,
    });
    await publishLive(tx, { type: "attempt-changed", attemptId });
  });
  await releaseEnvironment(deps, attemptId);
}
