import assert from "node:assert/strict";
import { test } from "node:test";
import { LABEL, slotLabels, slotOf } from "../driver/labels";
import type { EnvironmentRecord } from "../state/environment-record";
import { sampleRecord } from "../tests/support/sample-record";
import { identityOf } from "./slot-identity";

const base: EnvironmentRecord = sampleRecord({
  id: "env-1",
  slot: "env-1",
  image: "firedrill/stack-stack:abc",
  attemptId: "att-1",
  levelId: "disk-full",
  seed: "seed-1",
});

test("every object of a cold environment carries the five required labels", () => {
  const labels = slotLabels(identityOf(base, "abc123"));
  assert.equal(labels[LABEL.managed], "true");
  assert.equal(labels[LABEL.environment], "env-1");
  assert.equal(labels[LABEL.attempt], "att-1");
  assert.equal(labels[LABEL.level], "disk-full");
  assert.equal(labels[LABEL.seed], "seed-1");
  assert.equal(labels[LABEL.orchestrator], "abc123");
  assert.equal(labels[LABEL.slot], "env-1");
  assert.equal(labels[LABEL.pool], undefined);
});

test("a claimed warm-pool slot keeps its pool labels (labels are immutable); the record maps it", () => {
  const claimed = { ...base, slot: "wp-stack-0011223344", fromWarmPool: true };
  const labels = slotLabels(identityOf(claimed, "abc123"));
  assert.equal(labels[LABEL.pool], "warm");
  assert.equal(labels[LABEL.slot], "wp-stack-0011223344");
  assert.equal(labels[LABEL.environment], "wp-stack-0011223344");
  assert.equal(labels[LABEL.attempt], "");
  assert.equal(slotOf(labels), "wp-stack-0011223344");
});
