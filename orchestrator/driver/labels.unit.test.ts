import assert from "node:assert/strict";
import { test } from "node:test";
import { LABEL, ownedFilter, slotFilter, slotOf } from "./labels";
import { bridgeName, networkName, orchestratorIdFor, volumeName } from "./names";

test("filters select one orchestrator's objects, or one slot's", () => {
  assert.deepEqual(ownedFilter("o1"), { [LABEL.managed]: "true", [LABEL.orchestrator]: "o1" });
  assert.equal(slotFilter("o1", "s1")[LABEL.slot], "s1");
  assert.equal(slotOf({}), undefined);
  assert.equal(slotOf(null), undefined);
});

test("bridge names fit Linux's 15 characters and match the firewall's fd-+", () => {
  const name = bridgeName(networkName("abc123", "a".repeat(63)));
  assert.ok(name.length <= 15, name);
  assert.match(name, /^fd-[0-9a-f]{12}$/);
  assert.equal(bridgeName("x"), bridgeName("x"));
  assert.notEqual(bridgeName("x"), bridgeName("y"));
});

test("names are stable and scoped to the orchestrator", () => {
  assert.equal(volumeName("o1", "env-1", "db", "data"), "fd-o1-env-1-db-data");
  assert.equal(orchestratorIdFor("/a"), orchestratorIdFor("/a"));
  assert.notEqual(orchestratorIdFor("/a"), orchestratorIdFor("/b"));
  assert.match(orchestratorIdFor("/a"), /^[0-9a-f]{6}$/);
});
