/**
 * Provision an environment for an attempt: claim a pre-broken pooled environment of
 * the level (its seed becomes the environment's: orchestrator/environments/pools/claim-pooled.ts),
 * or take a warm-pool slot or build one (network, volumes, containers, healthy), then
 * apply the level's fault.
 * Idempotent by id: a ready environment is returned, one in progress is joined,
 * one left half-done by a crash is resumed, a failed or destroyed one restarts.
 * Resolves with the ready record; rejects with OrchestratorError("failed") after
 * recording the failure and removing what was created.
 */
import type { CreateEnvironmentRequest } from "../../lib/contracts/orchestrator-api";
import { resolveParams } from "../../lib/levels/params";
import type { Deps } from "../deps";
import { OrchestratorError, messageOf } from "../errors";
import { applyFault } from "./apply-fault";
import { buildSlot, runStage, type StageListener } from "./build-slot";
import { save } from "./environment-view";
import { claimPooled } from "./pools/claim-pooled";
import { applyClaimHook } from "./pools/apply-claim-hook";
import { claimWarmSlot } from "./warm-pool/claim-warm-slot";
import {
  faultStarted,
  pendingStages,
  recordFailed,
  stageDone,
  stageMessage,
  STAGES,
  type EnvironmentRecord,
} from "../state/environment-record";

function assertSameRequest(r: EnvironmentRecord, req: CreateEnvironmentRequest): void {
  // A claimed pre-broken environment carries the pool's seed; the attempt's first seed still names it.
  const sameSeed = r.seed === req.seed || r.requestedSeed === req.seed;
  if (r.attemptId !== req.attemptId || r.levelId !== req.levelId || !sameSeed) {
    throw new OrchestratorError(
      "conflict",
      `environment ${req.id} exists for attempt ${r.attemptId}, level ${r.levelId}, seed ${r.seed}`,
    );
  }
}

export function startProvision(
  deps: Deps,
  req: CreateEnvironmentRequest,
  onStage?: StageListener,
): Promise<EnvironmentRecord> {
  deps.levels.get(req.levelId); // unknown level → not_found before anything is recorded
  const existing = deps.envs.get(req.id);
  if (existing) assertSameRequest(existing, req);
  if (existing?.state === "ready") return Promise.resolve(existing);
  if (existing?.state === "destroying") {
    return Promise.reject(new OrchestratorError("conflict", `environment ${req.id} is being destroyed`));
  }
  const running = deps.inflight.get(req.id);
  if (running) {
    if (onStage) {
      const off = deps.bus.subscribe(req.id, (e) => {
        if (e.type === "state") onStage({ ...(deps.envs.get(req.id) as EnvironmentRecord) }, "");
      });
      void running.finally(off).catch(() => undefined);
    }
    return running;
  }
  const work = deps.locks.run(req.id, () => provision(deps, req, onStage));
  deps.inflight.set(req.id, work);
  void work.finally(() => deps.inflight.delete(req.id)).catch(() => undefined);
  return work;
}

async function freshRecord(
  deps: Deps,
  req: CreateEnvironmentRequest,
  previous: EnvironmentRecord | undefined,
): Promise<EnvironmentRecord> {
  const stack = deps.levels.get(req.levelId).manifest.stack;
  // A pre-broken environment first: nothing durable changes until its record is written, which is
  // then the environment's first record (a retry's earlier slot goes after it).
  if (deps.pools.all().some((p) => p.levelId === req.levelId && p.state === "ready")) {
    const image = await deps.images.current(stack).then(
      (i) => i.tag,
      () => null,
    );
    const claimed = image ? await claimPooled(deps, req, image) : undefined;
    if (claimed) {
      if (previous && previous.slot !== claimed.slot) await deps.driver.destroy(previous.slot);
      return claimed;
    }
  }
  const now = deps.now().toISOString();
  // Recorded before anything else (image check, pool claim, Docker objects): from here on a
  // crash leaves a record to resume, and nothing of this environment can be taken for an orphan.
  let rec = await save(deps, {
    id: req.id,
    kind: "environment",
    slot: req.id,
    stack,
    image: null,
    attemptId: req.attemptId,
    levelId: req.levelId,
    seed: req.seed,
    state: "provisioning",
    stages: pendingStages(STAGES),
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
  });
  // A retry after a failure: whatever the last try left behind goes first.
  if (previous) await deps.driver.destroy(previous.slot);
  const image = (await deps.images.current(stack)).tag;
  const warm =
    deps.config.warmPool > 0 && deps.levels.takesWarmSlots(req.levelId)
      ? await claimWarmSlot(deps, stack, image)
      : undefined;
  if (!warm) return save(deps, { ...rec, image });

  rec = { ...rec, image, slot: warm.slot, fromWarmPool: true };
  for (const s of ["network", "volumes", "containers", "healthy"])
    rec = stageDone(rec, s, deps.now().toISOString(), "from the warm pool");
  // The environment takes the slot before the pool record goes: a crash in between leaves
  // both, and reconcile drops the pool record whose slot an environment owns.
  rec = await save(deps, rec);
  await deps.pool.delete(warm.id);
  deps.claiming.delete(warm.id);
  await deps.driver.adopt(rec.slot, rec.id);
  return rec;
}

/** Left half-done by a crash: a fault may have been half applied, so its instances start over. */
async function resumedRecord(deps: Deps, rec: EnvironmentRecord): Promise<EnvironmentRecord> {
  if (!rec.image) rec = await save(deps, { ...rec, image: (await deps.images.current(rec.stack)).tag });
  if (!faultStarted(rec)) return rec;
  await deps.driver.removeInstances(rec.slot);
  const reset = new Set(["volumes", "containers", "healthy", "fault"]);
  return save(deps, {
    ...rec,
    claimHook: false, // clean instances: the whole fault runs again, under the same seed
    stages: rec.stages.map((s) =>
      reset.has(s.name)
        ? { ...s, status: "pending", startedAt: null, endedAt: null, message: "restarted after an interruption" }
        : s,
    ),
  });
}

async function provision(
  deps: Deps,
  req: CreateEnvironmentRequest,
  onStage?: StageListener,
): Promise<EnvironmentRecord> {
  const existing = deps.envs.get(req.id);
  if (existing?.state === "ready") return existing;
  deps.cancelled.delete(req.id);
  let rec =
    existing?.state === "provisioning" ? await resumedRecord(deps, existing) : await freshRecord(deps, req, existing);
  try {
    const level = deps.levels.get(req.levelId);
    const stack = await deps.levels.stackFor(req.levelId);
    // A cold boot (containers up and healthy) waits its turn: PostgreSQL and Node boots are CPU-bound,
    // and ten at once all finish late. A claimed or warm slot is built already and does not wait.
    const cold = rec.stages.some((s) => s.name === "containers" && s.status !== "done");
    if (cold && deps.bootGate.full) {
      const ahead = deps.bootGate.queued + 1;
      rec = await save(
        deps,
        stageMessage(rec, "containers", `waiting for ${ahead} other start${ahead > 1 ? "s" : ""}`),
      );
      onStage?.(rec, "containers");
    }
    const build = () => buildSlot(deps, rec, stack, onStage);
    rec = await (cold ? deps.bootGate.run(build) : build());
    // The record's seed: the request's, or the pool's for a claimed pre-broken environment.
    rec = await save(deps, { ...rec, params: resolveParams(level.manifest.params, rec.seed) });
    const log = (message: string) => {
      const cur = deps.envs.get(rec.id);
      if (cur) void save(deps, stageMessage(cur, "fault", message)).then((u) => onStage?.(u, "fault"));
    };
    rec = await runStage(
      deps,
      rec,
      "fault",
      (r) => (r.claimHook ? applyClaimHook(deps, r, level, stack, log) : applyFault(deps, r, level, stack, log)),
      onStage,
    );
    const now = deps.now().toISOString();
    rec = await save(deps, { ...rec, state: "ready", readyAt: now, lastActivityAt: now, error: null });
    onStage?.(rec, "ready");
    return rec;
  } catch (err) {
    const message = messageOf(err);
    rec = await save(deps, recordFailed(deps.envs.get(req.id) ?? rec, message, deps.now().toISOString()));
    onStage?.(rec, "failed");
    await deps.driver.destroy(rec.slot).catch(() => undefined); // reconcile removes leftovers as orphans
    throw new OrchestratorError(
      err instanceof OrchestratorError && err.code === "conflict" ? "conflict" : "failed",
      `provisioning ${req.id} failed: ${message}`,
      { cause: err },
    );
  }
}
