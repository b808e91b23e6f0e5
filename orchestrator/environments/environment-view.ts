/** The record plus live instance states, as the HTTP contract shows an environment. */
import type { EnvironmentView } from "../../lib/contracts/orchestrator-api";
import type { Deps } from "../deps";
import type { InstanceStatus } from "../driver/types";
import type { EnvironmentRecord } from "../state/environment-record";

export function toView(r: EnvironmentRecord, instances: InstanceStatus[]): EnvironmentView {
  return {
    id: r.id,
    attemptId: r.attemptId,
    levelId: r.levelId,
    seed: r.seed,
    state: r.state,
    stages: r.stages,
    error: r.error,
    params: r.params,
    instances: instances
      .map((i) => ({ name: i.name, state: i.state, health: i.health }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    fromWarmPool: r.fromWarmPool,
    createdAt: r.createdAt,
    readyAt: r.readyAt,
    lastActivityAt: r.lastActivityAt,
    machineEvents: r.machineEvents,
  };
}

export async function describe(deps: Deps, r: EnvironmentRecord): Promise<EnvironmentView> {
  const live = r.state === "provisioning" || r.state === "ready" || r.state === "destroying";
  const instances = live ? await deps.driver.instances(r.slot).catch(() => []) : [];
  return toView(r, instances);
}

/** Save the record and tell watchers (socket /environment) about the new state. */
export async function save(deps: Deps, r: EnvironmentRecord): Promise<EnvironmentRecord> {
  const stamped = { ...r, updatedAt: deps.now().toISOString() };
  if (r.kind === "pool") {
    await deps.pool.put(stamped);
    return stamped;
  }
  if (r.kind === "prebroken") {
    await deps.pools.put(stamped);
    return stamped;
  }
  await deps.envs.put(stamped);
  if (deps.bus.subscribers(r.id) > 0) {
    void describe(deps, stamped).then((view) => deps.bus.publish(r.id, { type: "state", view }));
  }
  return stamped;
}
