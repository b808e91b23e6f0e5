/** The last lines an instance wrote to stdout/stderr. */
import type { Deps } from "../deps";
import { notFound } from "../errors";

export async function readLogs(deps: Deps, id: string, instance: string, tail: number): Promise<string[]> {
  const rec = deps.envs.get(id);
  if (!rec || rec.state === "destroyed") throw notFound(`environment ${id}`);
  const stack = await deps.levels.stack(rec.stack);
  if (!stack.instances.some((i) => i.name === instance)) throw notFound(`instance ${instance}`);
  return deps.driver.tailLogs(rec.slot, instance, Math.min(Math.max(tail, 1), 5000));
}
