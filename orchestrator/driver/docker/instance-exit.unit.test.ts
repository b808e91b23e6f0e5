import assert from "node:assert/strict";
import { test } from "node:test";
import { parseContainerEvent } from "../../docker/events";
import { LABEL } from "../labels";
import { instanceExitOf } from "./instance-exit";

const event = (attributes: Record<string, string>, action = "die") => ({
  Type: "container",
  Action: action,
  time: 1_700_000_000,
  Actor: { Attributes: attributes },
});

test("an instance's exit names its slot, instance, exit code and time", () => {
  const raw = parseContainerEvent(event({ [LABEL.slot]: "s1", [LABEL.instance]: "db", exitCode: "137" }));
  assert.ok(raw);
  assert.deepEqual(instanceExitOf(raw), {
    action: "die",
    slot: "s1",
    instance: "db",
    role: "instance",
    exitCode: 137,
    signal: null,
    at: 1_700_000_000_000,
  });
});

test("a keeper is named by its role, whatever instance label its image carries", () => {
  const raw = parseContainerEvent(
    event({ [LABEL.slot]: "s1", [LABEL.instance]: "app", [LABEL.role]: "keeper" }, "kill"),
  );
  assert.equal(instanceExitOf(raw!)?.instance, "keeper");
});

test("containers without a slot label, other events and other types are not exits", () => {
  assert.equal(instanceExitOf(parseContainerEvent(event({ [LABEL.instance]: "db" }))!), null);
  assert.equal(parseContainerEvent(event({ [LABEL.slot]: "s1" }, "start")), null);
  assert.equal(parseContainerEvent({ ...event({ [LABEL.slot]: "s1" }), Type: "network" }), null);
});
