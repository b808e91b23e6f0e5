/** Run a script in an instance (tests, reference fixes): `sh -c script`, output captured. */
import type { Deps } from "../deps";
import type { ExecResult } from "../driver/types";
import { notFound } from "../errors";
import { readyRecord } from "./ready-record";

export async function execInEnvironment(
  deps: Deps,
  id: string,
  instance: string,
  script: string,
  opts: { user?: string; timeoutMs?: number } = {},
): Promise<ExecResult> {
  const rec = readyRecord(deps, id);
  const stack = await deps.levels.stack(rec.stack);
  if (!stack.instances.some((i) => i.name === instance)) throw notFound(`instance ${instance}`);
  return deps.driver.exec(rec.slot, instance, ["sh", "-c", script], {
    user: opts.user,
    timeoutMs: opts.timeoutMs ?? 30_000,
  });
}
