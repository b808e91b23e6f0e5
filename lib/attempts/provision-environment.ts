/**
 * Asks the orchestrator for the attempt's environment (idempotent by id, so a
 * retry after a failure is the same call) and mirrors its answer in the
 * Environment row. An unreachable orchestrator leaves the row FAILED with the
 * reason, so the room can say so and offer a retry. A claimed pre-broken environment
 * carries the pool's seed: the attempt adopts it. A certification attempt's seed is
 * chosen to be new to its player, so it never takes a pooled environment. A team's members share
 * keyed shells, so no shell is opened ahead for a team attempt.
 */
import { isAppError } from "../errors";
import { adoptEnvironmentSeed } from "./adopt-environment-seed";
import { applyEnvironmentView } from "./apply-environment-view";
import type { Deps } from "../core/deps";

export async function provisionEnvironment(
  deps: Deps,
  attempt: { id: string; levelId: string; variantSeed: string; playMode?: string; kind?: string },
  envId: string,
): Promise<void> {
  await deps.db.environment.update({ where: { id: envId }, data: { state: "PROVISIONING", error: null, stage: null } });
  try {
    const view = await deps.orchestrator.createEnvironment({
      id: envId,
      attemptId: attempt.id,
      levelId: attempt.levelId,
      seed: attempt.variantSeed,
      ...(attempt.playMode === "CERTIFICATION" ? { pooled: false } : {}),
      // A team shares keyed shells (one per machine): nothing would take shells opened ahead.
      ...(attempt.kind === "TEAM" ? { shellsAhead: false } : {}),
    });
    await adoptEnvironmentSeed(deps, attempt, view);
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
