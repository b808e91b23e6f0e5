/**
 * Destroying a slot whose network still has something attached that the slot's listing does not
 * find (a container a killed orchestrator was still creating, or the endpoint it left behind): the
 * network is freed and removed, the slot ends empty, and nothing waits for an operator. Seen in CI
 * as a crash-recovery record stuck "destroying" on Docker's "network … has active endpoints".
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { createContainer, listContainers, removeContainer, startContainer } from "../docker/containers";
import { createNetwork, inspectNetwork, listNetworks, removeNetwork } from "../docker/networks";
import { listImages } from "../docker/images";
import { destroySlot } from "../driver/docker/destroy-slot";
import { slotFilter } from "../driver/labels";

const run = randomBytes(4).toString("hex");
const orchestratorId = `dan${run}`;
const slot = `slot-${run}`;
const stranger = { "firedrill.destroytest": run };

after(async () => {
  for (const c of await listContainers(stranger)) await removeContainer(c.Id);
  for (const n of await listNetworks(slotFilter(orchestratorId, slot)))
    await removeNetwork(n.Id).catch(() => undefined);
});

test("a slot's network with a container attached from outside its listing is freed and removed", async () => {
  const image = (await listImages({})).find((i) => i.RepoTags?.some((t) => t.startsWith("firedrill/")))?.RepoTags?.[0];
  assert.ok(image, "a Firedrill image is there to create a container from");
  const net = await createNetwork({ Name: `fd-dan-${run}`, Internal: true, Labels: slotFilter(orchestratorId, slot) });
  // Attached to the slot's network, but carrying no slot label: the slot's own listing never finds it.
  const id = await createContainer({
    name: `fd-dan-${run}`,
    Image: image,
    Cmd: ["sleep", "300"],
    Labels: stranger,
    HostConfig: { NetworkMode: `fd-dan-${run}` },
  });
  await startContainer(id);
  assert.equal(Object.keys((await inspectNetwork(net))?.Containers ?? {}).length, 1, "the container is attached");

  await destroySlot(orchestratorId, slot);

  assert.equal((await listNetworks(slotFilter(orchestratorId, slot))).length, 0, "the slot's network is gone");
});
