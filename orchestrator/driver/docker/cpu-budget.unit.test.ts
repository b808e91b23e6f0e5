/** One environment's CPU: under a parent cgroup each instance keeps its cap (at most the budget); otherwise caps are scaled to fit. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { planCpu } from "./cpu-budget";

const stack = [
  { name: "proxy", cpus: 0.5 },
  { name: "app", cpus: 1 },
  { name: "db", cpus: 1 },
];

test("scaled: the instances' caps add up to the environment's budget", () => {
  const plan = planCpu(stack, 1, "scaled");
  const sum = Object.values(plan.nanoCpus).reduce((a, b) => a + b, 0);
  assert.equal(sum, 1e9);
  assert.equal(plan.nanoCpus.app, 0.4e9);
  assert.equal(plan.cgroupParent, undefined);
});

test("cgroup: instances keep their caps up to the budget, the parent caps the total", () => {
  const plan = planCpu(stack, 0.75, "cgroup", "/firedrill/x-y");
  assert.deepEqual(plan.nanoCpus, { proxy: 0.5e9, app: 0.75e9, db: 0.75e9 });
  assert.equal(plan.cgroupParent, "/firedrill/x-y");
});

test("a budget above the stack's sum changes nothing", () => {
  assert.deepEqual(planCpu(stack, 4, "scaled").nanoCpus, { proxy: 0.5e9, app: 1e9, db: 1e9 });
});
