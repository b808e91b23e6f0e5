/**
 * Destroy an environment: every Docker object labelled for its slot goes, the
 * record stays as a tombstone (state destroyed) so late callers see what
 * happened. Idempotent; a provision in progress is cancelled at its next stage.
 */
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { save } from "./environment-view";
import type { EnvironmentRecord } from "../state/environment-record";

export async function destroyEnvironment(deps: Deps, id: string): Promise<EnvironmentRecord> {
  const first = deps.envs.get(id);
  if (!first) throw notFound(`environment ${id}`);
  if (first.state === "destroyed") return first;
  if (deps.inflight.has(id)) deps.cancelled.add(id);
  return deps.locks.run(id, async () => {
    let rec = deps.envs.get(id);
    if (!rec) throw notFound(`environment ${id}`);
    if (rec.state === "destroyed") return rec;
    rec = await save(deps, { ...rec, state: "destroying" });
    for (const hook of deps.onDestroy) hook(id);
    await deps.driver.destroy(rec.slot);
    rec = await save(deps, { ...rec, state: "destroyed" });
    deps.cancelled.delete(id);
    deps.bus.publish(id, { type: "destroyed" });
    return rec;
  });
}

/** Mark destroying now (for HTTP 202), finish in the background. */
export function startDestroy(
  deps: Deps,
  id: string,
  onDone: (r: EnvironmentRecord) => void,
  onError: (e: unknown) => void,
): EnvironmentRecord {
  const rec = deps.envs.get(id);
  if (!rec) throw notFound(`environment ${id}`);
  destroyEnvironment(deps, id).then(onDone, onError);
  return rec.state === "destroyed" ? rec : { ...rec, state: "destroying" };
}
