/**
 * What the board needs from the orchestrator, fetched once per tick for all
 * attempts: every environment's view (state, last activity) and every current
 * SLI sample. An orchestrator that is down gives an unreachable snapshot, not
 * an error, so the board keeps showing what the database knows.
 */
import type { EnvironmentView, SliSample } from "../contracts/orchestrator-api";
import type { OrchestratorClient } from "../orchestrator-client/client";

/** The two calls the board makes; tests and the benchmark pass a fake. */
export type BoardOrchestrator = Pick<OrchestratorClient, "listEnvironments" | "sliSamples">;

export interface OrchestratorSnapshot {
  reachable: boolean;
  /** By attempt id. */
  views: ReadonlyMap<string, EnvironmentView>;
  /** By environment id. */
  samples: Readonly<Record<string, SliSample>>;
}

export const UNREACHABLE: OrchestratorSnapshot = { reachable: false, views: new Map(), samples: {} };

export async function fetchOrchestratorSnapshot(orch: BoardOrchestrator): Promise<OrchestratorSnapshot> {
  const [list, sli] = await Promise.allSettled([orch.listEnvironments(), orch.sliSamples()]);
  if (list.status === "rejected") return UNREACHABLE;
  const views = new Map<string, EnvironmentView>();
  for (const v of list.value.environments) views.set(v.attemptId, v);
  // An orchestrator without /sli still gives states and activity; success rates stay unknown.
  return { reachable: true, views, samples: sli.status === "fulfilled" ? sli.value.samples : {} };
}
