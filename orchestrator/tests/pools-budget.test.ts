/**
 * The pools' guard rails against the real engine: the memory budget (measured from the pooled
 * containers) is never exceeded and a lowered budget evicts; a pooled environment of an older
 * image is removed and replaced (pools-unhealthy.test.ts: one whose instance died).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { listContainers } from "../docker/containers";
import { LABEL, ownedFilter } from "../driver/labels";
import type { Orchestrator } from "../service";
import { LEVEL, labelled, testOrchestrator } from "./support/harness";

let orch: Orchestrator;

before(async () => {
  orch = testOrchestrator({ poolCeiling: 3 });
  await orch.start();
});

after(async () => {
  await orch.drainPools();
  await orch.stop();
  assert.deepEqual((await labelled(orch.config.orchestratorId)).containers, []);
});

const pooled = () => orch.deps.pools.all().filter((p) => p.levelId === LEVEL);
const row = () => orch.pools().levels.find((l) => l.levelId === LEVEL);

test("the budget caps the pool (measured memory), and a lower budget evicts", { timeout: 170_000 }, async () => {
  orch.config.poolBudgetMb = orch.config.poolEnvMbEstimate * 1.5; // room for one, by the estimate
  orch.setPoolDemand({ levels: [{ levelId: LEVEL, want: 3, reason: "3 assignments due", until: null }] });
  const view = await orch.fillPools();
  assert.equal(row()?.ready, 1, JSON.stringify(view));
  assert.equal(row()?.target, 1);
  assert.match(row()?.reason ?? "", /^budget: capped \(1 of 3\)/);
  assert.ok(view.usedMb <= view.budgetMb, JSON.stringify(view));

  await orch.poolManager.measure();
  const envMb = orch.poolManager.envMb("_stack");
  console.log(`# one pooled environment (fixture-shop, faulted, idle): ${envMb} MB measured`);
  assert.ok(envMb > 10 && envMb < 2000, `${envMb} MB`);
  orch.config.poolBudgetMb = Math.floor(envMb * 1.5);
  await orch.fillPools();
  assert.equal(pooled().length, 1, "the measured size still allows one, not two");
  assert.ok(orch.pools().usedMb <= orch.pools().budgetMb);

  orch.config.poolBudgetMb = Math.floor(envMb / 2);
  await orch.poolManager.kick();
  assert.equal(pooled().length, 0, "over budget: evicted");
  assert.equal(orch.pools().usedMb, 0);
});

test("a pooled environment of an older image is removed and replaced", { timeout: 120_000 }, async () => {
  orch.config.poolBudgetMb = 10_000;
  orch.setPoolDemand({ levels: [{ levelId: LEVEL, want: 1, reason: "test", until: null }] });
  orch.config.poolCeiling = 1;
  await orch.fillPools();
  const [old] = pooled();
  assert.ok(old && old.state === "ready");
  await orch.deps.pools.put({ ...old, image: "firedrill/stack-stack:0000000000000000" }); // as if the image was rebuilt since
  await orch.fillPools();
  assert.equal(orch.deps.pools.get(old.id), undefined, "the stale one is gone");
  assert.equal(
    (await listContainers({ ...ownedFilter(orch.config.orchestratorId), [LABEL.slot]: old.slot })).length,
    0,
  );
  const [fresh] = pooled();
  assert.ok(fresh && fresh.state === "ready" && fresh.image !== "firedrill/stack-stack:0000000000000000");
});
