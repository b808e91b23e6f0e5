/**
 * Make one pre-broken pooled environment of a level: record first (kind "prebroken", under
 * <stateDir>/pools), then the same stages as a player's environment (network, volumes,
 * containers, healthy: the same hardening and limits) and the level's fault under a seed
 * dealt here (random, unique among this orchestrator's environments and pools). A level whose
 * pool is "at-claim" stops before the fault. A failure removes what was made and the record.
 */
import { randomBytes } from "node:crypto";
import { resolveParams } from "../../../lib/levels/params";
import type { Deps } from "../../deps";
import { messageOf } from "../../errors";
import { applyFault } from "../apply-fault";
import { buildSlot, runStage } from "../build-slot";
import { save } from "../environment-view";
import { prebrokenSlotId } from "../../driver/names";
import { pendingStages, recordFailed, STAGES, type EnvironmentRecord } from "../../state/environment-record";

/** A seed no record of this orchestrator carries (the web's are 16 hex digits as well). */
export function dealSeed(deps: Deps): string {
  const taken = new Set([...deps.pools.all(), ...deps.envs.all()].flatMap((r) => [r.seed, r.requestedSeed ?? ""]));
  for (;;) {
    const seed = randomBytes(8).toString("hex");
    if (!taken.has(seed)) return seed;
  }
}

/** Resolves with the ready record, or null when it failed (logged, removed); `onRecorded` once its record is written. */
export async function fillPooled(
  deps: Deps,
  levelId: string,
  image: string,
  onRecorded: () => void = () => undefined,
): Promise<EnvironmentRecord | null> {
  const level = deps.levels.get(levelId);
  const stack = await deps.levels.stackFor(levelId);
  const id = prebrokenSlotId(levelId, randomBytes(5).toString("hex"));
  const seed = dealSeed(deps);
  const now = deps.now().toISOString();
  let rec: EnvironmentRecord = {
    id,
    kind: "prebroken",
    slot: id,
    stack: level.manifest.stack,
    image,
    attemptId: "",
    levelId,
    seed,
    state: "provisioning",
    stages: pendingStages(STAGES),
    error: null,
    params: resolveParams(level.manifest.params, seed),
    fromWarmPool: false,
    createdAt: now,
    readyAt: null,
    lastActivityAt: now,
    updatedAt: now,
    warnedAt: null,
    machineEvents: [],
    requestedSeed: null,
    claimHook: false,
  };
  return deps.locks.run(id, async () => {
    rec = await save(deps, rec);
    onRecorded();
    try {
      rec = await buildSlot(deps, rec, stack);
      if (level.manifest.pool !== "at-claim")
        rec = await runStage(deps, rec, "fault", (r) => applyFault(deps, r, level, stack, () => undefined));
      const ready = deps.now().toISOString();
      return await save(deps, { ...rec, state: "ready", readyAt: ready, lastActivityAt: ready });
    } catch (err) {
      deps.config.log("warn", `pool ${levelId}: ${id} failed: ${messageOf(err)}`);
      await save(deps, recordFailed(deps.pools.get(id) ?? rec, messageOf(err), deps.now().toISOString()));
      await deps.driver.destroy(id).catch(() => undefined);
      await deps.pools.delete(id);
      return null;
    }
  });
}

/** Remove a pooled environment (evicted, stale image, broken). */
export async function removePooled(deps: Deps, p: EnvironmentRecord): Promise<void> {
  await deps.locks.run(p.id, async () => {
    await deps.driver.destroy(p.slot);
    await deps.pools.delete(p.id);
  });
}
