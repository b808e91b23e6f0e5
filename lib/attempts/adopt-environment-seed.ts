/**
 * A pre-broken pooled environment was dealt under the POOL's seed when the pool was filled:
 * when the orchestrator's answer names another seed than the attempt asked for, the attempt
 * takes it (and its parameters), so the facilitator's solution notes, injects and the variant
 * shown everywhere match the environment the player is in.
 */
import type { EnvironmentView } from "../contracts/orchestrator-api";
import type { Deps } from "../core/deps";

export async function adoptEnvironmentSeed(
  deps: Deps,
  attempt: { id: string; variantSeed: string },
  view: EnvironmentView,
): Promise<boolean> {
  if (view.attemptId !== attempt.id || !view.seed || view.seed === attempt.variantSeed) return false;
  await deps.db.attempt.update({
    where: { id: attempt.id },
    data: { variantSeed: view.seed, params: view.params },
  });
  return true;
}
