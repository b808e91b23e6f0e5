import assert from "node:assert/strict";
import { test } from "node:test";
import { planPools, type PoolLevelInput } from "./plan-pools";

const level = (levelId: string, over: Partial<PoolLevelInput> = {}): PoolLevelInput => ({
  levelId,
  stack: "_stack",
  poolable: true,
  want: 0,
  reason: null,
  recentClaims: 0,
  ready: 0,
  filling: 0,
  envMb: 100,
  ...over,
});

test("target = the larger of demand and recent claims, clamped by floor and ceiling", () => {
  const plan = planPools(
    [level("a", { want: 2, reason: "2 assignments due" }), level("b", { recentClaims: 9 }), level("c")],
    { floor: 1, ceiling: 4, budgetMb: 10_000 },
  );
  const by = new Map(plan.levels.map((l) => [l.levelId, l]));
  assert.equal(by.get("a")?.target, 2);
  assert.equal(by.get("a")?.reason, "2 assignments due");
  assert.equal(by.get("b")?.target, 4);
  assert.match(by.get("b")?.reason ?? "", /^ceiling/);
  assert.equal(by.get("c")?.target, 1);
  assert.equal(by.get("c")?.reason, "floor");
});

test("a start the web's forecast counts and this orchestrator claimed counts once, not twice", () => {
  const plan = planPools([level("a", { want: 2, reason: "2 recent starts", recentClaims: 2 })], {
    floor: 0,
    ceiling: 10,
    budgetMb: 10_000,
  });
  assert.equal(plan.levels[0]?.target, 2);
  const webSilent = planPools([level("a", { recentClaims: 3 })], { floor: 0, ceiling: 10, budgetMb: 10_000 });
  assert.equal(webSilent.levels[0]?.target, 3, "the orchestrator's own claims still count when the web sends nothing");
});

test("a level whose pool is off gets nothing, whatever the demand", () => {
  const plan = planPools([level("t", { poolable: false, want: 5 })], { floor: 1, ceiling: 4, budgetMb: 10_000 });
  assert.equal(plan.levels[0]?.target, 0);
  assert.deepEqual(plan.fill, []);
});

test("the budget is shared most-wanted first, one each before anyone's second", () => {
  const plan = planPools([level("low", { want: 1 }), level("high", { want: 3 }), level("mid", { want: 2 })], {
    floor: 0,
    ceiling: 5,
    budgetMb: 450,
  });
  const by = new Map(plan.levels.map((l) => [l.levelId, l]));
  // Round 1: high, mid, low (300 MB); round 2: high (400); mid's second would be 500 > 450.
  assert.equal(by.get("high")?.target, 2);
  assert.equal(by.get("mid")?.target, 1);
  assert.equal(by.get("low")?.target, 1);
  assert.match(by.get("high")?.reason ?? "", /^budget: capped \(2 of 3\)/);
  assert.deepEqual(plan.fill, ["high", "mid", "low", "high"]);
  const total = plan.levels.reduce((s, l) => s + l.target * 100, 0);
  assert.ok(total <= 450);
});

test("over target: the least wanted level's ready environments are evicted first", () => {
  const plan = planPools([level("cold", { ready: 2 }), level("hot", { want: 1, ready: 3, filling: 1 })], {
    floor: 0,
    ceiling: 2,
    budgetMb: 10_000,
  });
  assert.deepEqual(plan.evict, [
    { levelId: "cold", count: 2 },
    { levelId: "hot", count: 3 },
  ]);
  assert.deepEqual(plan.fill, []);
});

test("what is filling counts: no second fill for the same gap", () => {
  const plan = planPools([level("a", { want: 2, filling: 1 })], { floor: 0, ceiling: 4, budgetMb: 10_000 });
  assert.deepEqual(plan.fill, ["a"]);
});
