/** Stage "fault": resolve the variant's parameters and run the level's fault module in the environment. */
import type { LoadedLevel } from "../../lib/levels/load-catalogue";
import type { StackManifest } from "../../lib/levels/stack-schema";
import type { Deps } from "../deps";
import { OrchestratorError, messageOf } from "../errors";
import { loadFault } from "../levels/load-level-module";
import { withTimeout } from "../util/time";
import { createLevelContext } from "./level-context";
import type { EnvironmentRecord } from "../state/environment-record";

const FAULT_TIMEOUT_MS = 120_000;

export async function applyFault(
  deps: Deps,
  rec: EnvironmentRecord,
  level: LoadedLevel,
  stack: StackManifest,
  log: (message: string) => void,
): Promise<string> {
  const fault = await loadFault(level.dir, level.manifest.fault.module);
  const ctx = createLevelContext({
    driver: deps.driver,
    slot: rec.slot,
    stack,
    params: rec.params,
    app: { instance: level.manifest.app.instance, port: level.manifest.app.port },
    log,
  });
  try {
    await withTimeout(
      fault(ctx),
      FAULT_TIMEOUT_MS,
      () => new OrchestratorError("timeout", `the fault did not finish within ${FAULT_TIMEOUT_MS / 1000} s`),
    );
  } catch (err) {
    throw new OrchestratorError("failed", `fault ${level.manifest.id}: ${messageOf(err)}`, { cause: err });
  } finally {
    await ctx.close();
  }
  return "applied";
}
