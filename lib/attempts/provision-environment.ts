/**
 * Asks the orchestrator for the attempt's environment (idempotent by id, so a
 * retry after a failure is the same call) and mirrors its answer in the
 * Environment row. An unreachable orchestrator leaves the row FAILED with the
 * reason, so the room can say so and offer a retry.
 */
import { isAppError } from "../errors";
import { applyEnvironmentView } from "./apply-environment-view";
import type { Deps } from "../core/deps";

export async function provisionEnvironment(
  deps: Deps,
  attempt: { id: string; levelId: string; variantSeed: string },
  envId: string,
): Promise<void> {
  await deps.db.environment.update({ where: { id: envId }, data: { state: "PROVISIONING", error: null, stage: null } });
  try {
    const view = await deps.orchestrator.createEnvironment({
      id: envId,
      attemptId: attempt.id,
      levelId: attempt.levelId,
      seed: attempt.variantSeed,
    });
    await applyEnvironmentView(deps, attempt.id, view);
  } catch (err) {
    const message = isAppError(err) ? err.message : "The environment could not be created.";
    // Only a start that never got going fails the attempt; one already under way stays open for a retry.
    await deps.db.$transaction([
      deps.db.environment.update({ where: { id: envId }, data: { state: "FAILED", error: message } }),
      deps.db.attempt.updateMany({ where: { id: attempt.id, status: "PROVISIONING" }, data: { status: "FAILED" } }),
    ]);
  }
}
