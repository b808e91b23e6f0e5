/** Restart one instance of an environment as a reboot would, and wait until it is healthy again. */
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { save } from "./environment-view";
import { readyRecord } from "./ready-record";
import type { EnvironmentRecord } from "../state/environment-record";
import { waitHealthy } from "./wait-healthy";

export async function restartInstance(deps: Deps, id: string, name: string): Promise<EnvironmentRecord> {
  const rec = readyRecord(deps, id);
  const spec = (await deps.levels.stack(rec.stack)).instances.find((i) => i.name === name);
  if (!spec) throw notFound(`instance ${name}`);
  await deps.driver.restart(rec.slot, name);
  // Healthy or not (a broken level may keep it sick), the view tells.
  await waitHealthy(deps.driver, rec.slot, spec, 30_000, { failWhenExited: true });
  return save(deps, deps.envs.get(id) ?? rec);
}
