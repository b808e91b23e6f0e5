/**
 * `npm run clean` against the real engine, on objects of its own only (a label
 * no other run carries), so it never touches another run's environments: a
 * dry run lists and removes nothing; a real run removes containers, networks
 * and volumes; objects without the label are left alone.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { createContainer, listContainers, removeContainer } from "../docker/containers";
import { createNetwork, listNetworks, removeNetwork } from "../docker/networks";
import { createVolume, listVolumes, removeVolume } from "../docker/volumes";
import { listImages } from "../docker/images";
import { LABEL } from "../environments/labels";
import { cleanEngine } from "../cli/clean-engine";

const run = randomBytes(4).toString("hex");
const mine = { [LABEL.managed]: "true", [LABEL.orchestrator]: `clean${run}`, "firedrill.cleantest": run };
const bystander = { "firedrill.cleantest": run }; // not managed: clean must leave it

after(async () => {
  for (const c of await listContainers(bystander)) await removeContainer(c.Id);
  for (const n of await listNetworks(bystander)) await removeNetwork(n.Id);
  for (const v of await listVolumes(bystander)) await removeVolume(v.Name);
});

test("clean lists on a dry run, then removes every managed object, and leaves unmanaged ones", async () => {
  const image = (await listImages({})).find((i) => i.RepoTags?.some((t) => t.startsWith("firedrill/")))?.RepoTags?.[0];
  assert.ok(image, "a Firedrill image is there to create a container from");
  await createNetwork({ Name: `fd-clean-${run}`, Internal: true, Labels: mine });
  await createVolume({ Name: `fd-clean-${run}`, Labels: mine });
  await createContainer({
    name: `fd-clean-${run}`,
    Image: image,
    Cmd: ["true"],
    Labels: mine,
    HostConfig: { NetworkMode: "none" },
  });
  await createNetwork({ Name: `fd-clean-other-${run}`, Internal: true, Labels: bystander });

  const dry = await cleanEngine({ labels: { "firedrill.cleantest": run }, dryRun: true });
  assert.deepEqual(dry, {
    containers: [`fd-clean-${run}`],
    networks: [`fd-clean-${run}`],
    volumes: [`fd-clean-${run}`],
  });
  assert.equal((await listContainers(mine)).length, 1, "a dry run removes nothing");

  const done = await cleanEngine({ labels: { "firedrill.cleantest": run } });
  assert.deepEqual(done, dry);
  assert.equal((await listContainers(mine)).length, 0);
  assert.equal((await listNetworks(mine)).length, 0);
  assert.equal((await listVolumes(mine)).length, 0);
  assert.equal((await listNetworks(bystander)).length, 1, "an object without firedrill.managed stays");
});
