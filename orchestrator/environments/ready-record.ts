/** The record of an environment that may be used now (ready), or a clear error. */
import type { Deps } from "../deps";
import { OrchestratorError, notFound } from "../errors";
import type { EnvironmentRecord } from "../state/environment-record";

export function readyRecord(deps: Deps, id: string): EnvironmentRecord {
  const rec = deps.envs.get(id);
  if (!rec) throw notFound(`environment ${id}`);
  if (rec.state !== "ready") throw new OrchestratorError("conflict", `environment ${id} is ${rec.state}, not ready`);
  return rec;
}
