/**
 * A pooled environment whose instance died is never handed out: the claim falls back to a cold
 * start under the attempt's own seed, and reconcile removes the broken pooled environment.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { docker } from "../docker/client";
import { listContainers } from "../docker/containers";
import { LABEL, ownedFilter } from "../driver/labels";
import type { Orchestrator } from "../service";
import { LEVEL, labelled, request, testOrchestrator } from "./support/harness";

let orch: Orchestrator;
const made: string[] = [];

before(async () => {
  orch = testOrchestrator({ poolCeiling: 1 });
  await orch.start();
});

after(async () => {
  for (const id of made) await orch.destroy(id).catch(() => undefined);
  await orch.drainPools();
  await orch.stop();
  assert.deepEqual((await labelled(orch.config.orchestratorId)).containers, []);
});

const pooled = () => orch.deps.pools.all().filter((p) => p.levelId === LEVEL);

test(
  "a pooled environment whose instance died is not claimed: cold start; reconcile removes it",
  { timeout: 120_000 },
  async () => {
    orch.setPoolDemand({ levels: [{ levelId: LEVEL, want: 1, reason: "test", until: null }] });
    await orch.fillPools();
    const [victim] = pooled();
    assert.ok(victim && victim.state === "ready");
    orch.config.poolCeiling = 0; // no refill meanwhile: the claim can only take the broken one or go cold
    const containers = await listContainers({ ...ownedFilter(orch.config.orchestratorId), [LABEL.slot]: victim.slot });
    const db = containers.find((c) => c.Labels?.[LABEL.instance] === "db");
    assert.ok(db);
    await docker().getContainer(db.Id).kill();

    const env = await orch.provision(request("pb-dead", "seed-dead"));
    made.push(env.id);
    assert.equal(env.fromWarmPool, false, "not the broken pooled environment");
    assert.equal(env.seed, "seed-dead");
    assert.notEqual(orch.deps.envs.get(env.id)?.slot, victim.slot);
    await orch.reconcileNow();
    assert.equal(orch.deps.pools.get(victim.id), undefined);
    assert.equal(
      (await listContainers({ ...ownedFilter(orch.config.orchestratorId), [LABEL.slot]: victim.slot })).length,
      0,
    );
  },
);
