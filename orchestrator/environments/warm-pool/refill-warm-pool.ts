/**
 * Keep ORCHESTRATOR_WARM_POOL healthy, unbroken slots per stack in use, built
 * from the stack's current image; slots of an older image are removed. Runs in
 * the background, one slot at a time, so it never competes hard with players.
 */
import { randomBytes } from "node:crypto";
import type { Deps } from "../../deps";
import { messageOf } from "../../errors";
import { buildSlot } from "../build-slot";
import { save } from "../environment-view";
import { poolSlotId } from "../../driver/names";
import { pendingStages, POOL_STAGES, recordFailed, type EnvironmentRecord } from "../../state/environment-record";

async function removePoolSlot(deps: Deps, p: EnvironmentRecord): Promise<void> {
  await deps.locks.run(p.id, async () => {
    await deps.driver.destroy(p.slot);
    await deps.pool.delete(p.id);
  });
}

async function makePoolSlot(deps: Deps, stack: string, image: string): Promise<void> {
  const id = poolSlotId(stack, randomBytes(5).toString("hex"));
  const now = deps.now().toISOString();
  let rec: EnvironmentRecord = {
    id,
    kind: "pool",
    slot: id,
    stack,
    image,
    attemptId: "",
    levelId: "",
    seed: "",
    state: "provisioning",
    stages: pendingStages(POOL_STAGES),
    error: null,
    params: {},
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
  await deps.locks.run(id, async () => {
    rec = await save(deps, rec);
    try {
      rec = await buildSlot(deps, rec, await deps.levels.stack(stack));
      await save(deps, { ...rec, state: "ready", readyAt: deps.now().toISOString() });
    } catch (err) {
      deps.config.log("warn", `warm pool slot ${id} failed: ${messageOf(err)}`);
      await save(deps, recordFailed(rec, messageOf(err), deps.now().toISOString()));
      await deps.driver.destroy(id).catch(() => undefined);
      await deps.pool.delete(id);
    }
  });
}

const refilling = new WeakMap<Deps, Promise<void>>();

/** Start a refill unless one runs; resolves when this refill is done. */
export function refillWarmPool(deps: Deps, stopped: () => boolean): Promise<void> {
  const running = refilling.get(deps);
  if (running) return running;
  const work = (async () => {
    for (const stack of deps.levels.stacksInUse()) {
      if (stopped()) return;
      const image = (await deps.images.ensure(stack)).tag;
      const mine = deps.pool.all().filter((p) => p.stack === stack && !deps.claiming.has(p.id));
      for (const stale of mine.filter((p) => p.image !== image)) await removePoolSlot(deps, stale);
      const current = mine.filter((p) => p.image === image && (p.state === "ready" || p.state === "provisioning"));
      for (const extra of current.slice(deps.config.warmPool)) await removePoolSlot(deps, extra);
      let live = Math.min(current.length, deps.config.warmPool);
      while (live < deps.config.warmPool && !stopped()) {
        await makePoolSlot(deps, stack, image);
        live++;
      }
    }
  })()
    .catch((err) => deps.config.log("warn", `warm pool refill: ${messageOf(err)}`))
    .finally(() => refilling.delete(deps));
  refilling.set(deps, work);
  return work;
}

export { removePoolSlot };
