/**
 * Make the engine match the records (at start and every 30 s):
 *  - provisioning records no process is working on are resumed (a crash interrupted them);
 *  - ready ones are adopted: stopped instances started again; lost ones (keeper or
 *    instance missing: the engine restarted without live-restore) are marked failed;
 *  - destroying ones are destroyed again;
 *  - pool records (warm slots and pre-broken environments) whose slot an environment now owns
 *    are dropped; broken ones go; ready pre-broken ones are adopted as they are, half-built
 *    ones (a crash during a refill) go, and the refill makes new ones;
 *  - labelled objects whose slot no live record owns are removed as orphans.
 * The engine is listed before the records are read: an object created after the listing
 * belongs to a record written before it, so nothing being built is ever taken for an orphan.
 */
import type { Deps } from "../deps";
import { messageOf } from "../errors";
import { destroyEnvironment } from "./destroy-environment";
import { save } from "./environment-view";
import { startProvision } from "./provision-environment";
import { stillGood } from "./pools/claim-pooled";
import { recordFailed, type EnvironmentRecord } from "../state/environment-record";

export interface ReconcileReport {
  resumed: string[];
  restarted: string[];
  lost: string[];
  orphans: string[];
  pruned: string[];
}

const TOMBSTONE_MS = 24 * 3600_000;
const LIVE = new Set(["provisioning", "ready", "destroying"]);

function request(r: EnvironmentRecord) {
  return { id: r.id, attemptId: r.attemptId, levelId: r.levelId, seed: r.seed };
}

export async function markLost(deps: Deps, r: EnvironmentRecord, why: string, handled: Set<string>): Promise<void> {
  handled.add(r.slot);
  for (const hook of deps.onDestroy) hook(r.id);
  await save(deps, recordFailed(r, `environment lost: ${why}`, deps.now().toISOString()));
  await deps.driver.destroy(r.slot).catch(() => undefined);
}

export async function reconcile(deps: Deps): Promise<ReconcileReport> {
  /** Slots dealt with earlier in this pass (lost environments): not orphans to report again. */
  const handled = new Set<string>();
  const report: ReconcileReport = { resumed: [], restarted: [], lost: [], orphans: [], pruned: [] };
  const slots = await deps.driver.slots();
  const busy = (id: string) => deps.inflight.has(id) || deps.locks.busy(id) || deps.claiming.has(id);

  for (const r of deps.envs.all()) {
    if (busy(r.id)) continue;
    try {
      if (r.state === "provisioning") {
        report.resumed.push(r.id);
        startProvision(deps, request(r)).catch((err) =>
          deps.config.log("warn", `resume of ${r.id}: ${messageOf(err)}`),
        );
      } else if (r.state === "ready") {
        const stack = await deps.levels.stack(r.stack);
        const instances = slots.get(r.slot) ?? [];
        const missing = stack.instances
          .filter((want) => !instances.some((i) => i.name === want.name))
          .map((i) => i.name);
        if (missing.length > 0) {
          report.lost.push(r.id);
          await deps.locks.run(r.id, () => markLost(deps, r, `instances ${missing.join(", ")} are gone`, handled));
        } else if (instances.some((i) => i.state !== "running")) {
          const started = await deps.locks.run(r.id, () => deps.driver.startStopped(r.slot));
          // A restarted keeper means its tmpfs volumes came back empty: the environment is not the player's any more.
          if (started.includes("keeper")) {
            report.lost.push(r.id);
            await deps.locks.run(r.id, () =>
              markLost(deps, r, "its volumes were lost when the engine stopped", handled),
            );
          } else report.restarted.push(...started.map((s) => `${r.id}/${s}`));
        }
      } else if (r.state === "destroying") {
        void destroyEnvironment(deps, r.id).catch((err) =>
          deps.config.log("warn", `destroy of ${r.id}: ${messageOf(err)}`),
        );
      } else if (Date.now() - Date.parse(r.updatedAt) > TOMBSTONE_MS) {
        report.pruned.push(r.id);
        await deps.envs.delete(r.id);
      }
    } catch (err) {
      deps.config.log("warn", `reconcile ${r.id}: ${messageOf(err)}`);
    }
  }

  const ownedByEnvironments = new Set(
    deps.envs
      .all()
      .filter((r) => LIVE.has(r.state))
      .map((r) => r.slot),
  );
  for (const p of [...deps.pool.all(), ...deps.pools.all()]) {
    if (busy(p.id)) continue;
    const instances = slots.get(p.slot) ?? [];
    const broken =
      p.state === "ready" &&
      (p.kind === "prebroken"
        ? !stillGood(
            p,
            (await deps.levels.stack(p.stack).catch(() => null))?.instances.map((i) => i.name) ?? [],
            instances,
          )
        : instances.length === 0 || instances.some((i) => i.state !== "running" || i.health === "unhealthy"));
    // A pool slot half-built by a crashed process is not resumed: the refill makes a new one.
    if (ownedByEnvironments.has(p.slot) || p.state !== "ready" || broken)
      await (p.kind === "prebroken" ? deps.pools : deps.pool).delete(p.id);
  }

  const live = new Set([
    ...deps.envs
      .all()
      .filter((r) => LIVE.has(r.state))
      .map((r) => r.slot),
    ...[...deps.pool.all(), ...deps.pools.all()]
      .filter((p) => p.state === "ready" || p.state === "provisioning")
      .map((p) => p.slot),
  ]);
  for (const slot of slots.keys()) {
    if (live.has(slot) || busy(slot) || handled.has(slot)) continue;
    report.orphans.push(slot);
    await deps.driver.destroy(slot).catch((err) => deps.config.log("warn", `orphan ${slot}: ${messageOf(err)}`));
  }
  return report;
}
