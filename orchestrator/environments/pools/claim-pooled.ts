/**
 * Claim a ready pre-broken environment of the level (built from the stack's current image, all
 * its instances running and not unhealthy; the oldest first) for an attempt. The environment
 * record takes the pooled slot with the POOL's seed and parameters before the pool record goes
 * (a crash in between leaves both, and reconcile drops the pool record whose slot an environment
 * owns). No container is made and no fault runs, except the level's claim-time part: "at-claim"
 * levels (the whole fault) and faults exporting `onClaim`, which the fault stage then runs.
 * The attempt's clock starts now: time in the pool never counts.
 */
import type { CreateEnvironmentRequest } from "../../../lib/contracts/orchestrator-api";
import type { Deps } from "../../deps";
import { save } from "../environment-view";
import { pendingStages, stageDone, STAGES, type EnvironmentRecord } from "../../state/environment-record";
import { loadClaimHook } from "../../levels/load-level-module";

const CLAIM_WINDOW_MS = 60 * 60_000;

/**
 * Still as the fill left it: every instance there and running. A faulted environment's health
 * check may fail on purpose (the app no longer answers: that is the incident), so only an
 * unfaulted one ("at-claim" levels) must also pass its health checks.
 */
export function stillGood(
  p: EnvironmentRecord,
  wanted: string[],
  instances: { name: string; state: string; health: string | null }[],
): boolean {
  const faulted = p.stages.some((s) => s.name === "fault" && s.status === "done");
  return wanted.every((name) => {
    const got = instances.find((i) => i.name === name);
    return got?.state === "running" && (faulted || got.health !== "unhealthy");
  });
}

async function healthy(deps: Deps, p: EnvironmentRecord): Promise<boolean> {
  const stack = await deps.levels.stack(p.stack);
  const instances = await deps.driver.instances(p.slot).catch(() => []);
  return stillGood(
    p,
    stack.instances.map((i) => i.name),
    instances,
  );
}

/** Remember a claim (sizing follows recent claims); drops those older than the window. */
export function noteClaim(deps: Deps, levelId: string, at: number): void {
  const kept = (deps.poolClaims.get(levelId) ?? []).filter((t) => at - t < CLAIM_WINDOW_MS);
  deps.poolClaims.set(levelId, [...kept, at]);
}

export function recentClaims(deps: Deps, levelId: string, now: number): number {
  return (deps.poolClaims.get(levelId) ?? []).filter((t) => now - t < CLAIM_WINDOW_MS).length;
}

export async function claimPooled(
  deps: Deps,
  req: CreateEnvironmentRequest,
  image: string,
): Promise<EnvironmentRecord | undefined> {
  const level = deps.levels.get(req.levelId);
  if (req.pooled === false || level.manifest.pool === "off") return undefined;
  const candidates = deps.pools
    .all()
    .filter((p) => p.state === "ready" && p.levelId === req.levelId && p.image === image && !deps.claiming.has(p.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const candidate of candidates) {
    if (deps.claiming.has(candidate.id)) continue;
    deps.claiming.add(candidate.id);
    try {
      // Under the pooled environment's lock: a fill still writing its last record is waited for (a few
      // ms), an eviction that began first wins (the record is gone, the next candidate is tried).
      const rec = await deps.locks.run(candidate.id, () => take(deps, req, level, candidate.id));
      if (rec) return rec;
    } finally {
      deps.claiming.delete(candidate.id);
    }
  }
  return undefined;
}

async function take(
  deps: Deps,
  req: CreateEnvironmentRequest,
  level: ReturnType<Deps["levels"]["get"]>,
  id: string,
): Promise<EnvironmentRecord | undefined> {
  const p = deps.pools.get(id);
  if (!p || p.state !== "ready") return undefined;
  if (!(await healthy(deps, p))) {
    // Broken while waiting: never handed out; reconcile removes its objects as orphans.
    await deps.pools.delete(p.id);
    deps.config.log("warn", `pool ${p.levelId}: ${p.id} is not healthy any more, removed`);
    return undefined;
  }
  const faulted = p.stages.some((s) => s.name === "fault" && s.status === "done");
  const hook = faulted && (await loadClaimHook(level.dir, level.manifest.fault.module)) !== null;
  const now = deps.now().toISOString();
  let rec: EnvironmentRecord = {
    ...p,
    id: req.id,
    kind: "environment",
    attemptId: req.attemptId,
    levelId: req.levelId,
    requestedSeed: req.seed,
    state: "provisioning",
    stages: pendingStages(STAGES),
    error: null,
    fromWarmPool: true,
    claimHook: hook,
    createdAt: now,
    readyAt: null,
    lastActivityAt: now,
    warnedAt: null,
    machineEvents: [],
  };
  for (const s of ["network", "volumes", "containers", "healthy"])
    rec = stageDone(rec, s, now, "from the pre-broken pool");
  if (faulted && !hook) rec = stageDone(rec, "fault", now, "applied in the pool");
  rec = await save(deps, rec);
  await deps.pools.delete(p.id);
  noteClaim(deps, req.levelId, Date.now());
  // Container names are cosmetic (lookups go by label): renamed in the background, off the player's path.
  void deps.driver.adopt(rec.slot, rec.id).catch(() => undefined);
  return rec;
}
