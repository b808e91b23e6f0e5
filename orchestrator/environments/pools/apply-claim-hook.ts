/**
 * Stage "fault" of a claimed pre-broken environment whose fault module exports `onClaim`:
 * the fault was applied in the pool; this deals what depends on the moment of the claim
 * (the time-zone level's zone, chosen so its date differs from UTC's for the coming hour).
 */
import type { LoadedLevel } from "../../../lib/levels/load-catalogue";
import type { StackManifest } from "../../../lib/levels/stack-schema";
import type { Deps } from "../../deps";
import { createLevelContext } from "../level-context";
import type { EnvironmentRecord } from "../../state/environment-record";
import { OrchestratorError, messageOf } from "../../errors";
import { loadClaimHook } from "../../levels/load-level-module";
import { withTimeout } from "../../util/time";

const CLAIM_HOOK_TIMEOUT_MS = 60_000;

export async function applyClaimHook(
  deps: Deps,
  rec: EnvironmentRecord,
  level: LoadedLevel,
  stack: StackManifest,
  log: (message: string) => void,
): Promise<string> {
  const hook = await loadClaimHook(level.dir, level.manifest.fault.module);
  if (!hook) return "applied in the pool";
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
      hook(ctx),
      CLAIM_HOOK_TIMEOUT_MS,
      () => new OrchestratorError("timeout", `the claim hook did not finish within ${CLAIM_HOOK_TIMEOUT_MS / 1000} s`),
    );
  } catch (err) {
    throw new OrchestratorError("failed", `fault ${level.manifest.id} (at claim): ${messageOf(err)}`, { cause: err });
  } finally {
    await ctx.close();
  }
  return "applied in the pool; dealt at claim";
}
