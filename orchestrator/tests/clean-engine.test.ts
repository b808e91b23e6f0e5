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
import { LABEL } from "../driver/labels";
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

test("an orchestrator removes what another one left when that one's folder is gone, and only that", async () => {
  const { testOrchestrator, tempDataDir } = await import("./support/harness");
  const { removeAbandoned } = await import("../environments/remove-abandoned");
  const live = tempDataDir();
  const gone = `/nonexistent/firedrill-${run}/orchestrator`;
  const ownedBy = (id: string, dir: string) => ({
    [LABEL.managed]: "true",
    [LABEL.orchestrator]: id,
    [LABEL.ownerDir]: dir,
    [LABEL.pool]: "warm",
    "firedrill.cleantest": run,
  });
  await createNetwork({ Name: `fd-gone-${run}`, Internal: true, Labels: ownedBy(`gone${run}`, gone) });
  await createVolume({ Name: `fd-gone-${run}`, Labels: ownedBy(`gone${run}`, gone) });
  await createNetwork({ Name: `fd-live-${run}`, Internal: true, Labels: ownedBy(`live${run}`, live) });
  const orch = testOrchestrator();
  const removed = await removeAbandoned(orch.deps);
  assert.ok(removed.includes(`gone${run}`), JSON.stringify(removed));
  assert.ok(!removed.includes(`live${run}`));
  assert.equal((await listNetworks({ [LABEL.orchestrator]: `gone${run}` })).length, 0);
  assert.equal((await listVolumes({ [LABEL.orchestrator]: `gone${run}` })).length, 0);
  assert.equal((await listNetworks({ [LABEL.orchestrator]: `live${run}` })).length, 1, "a live owner's pool stays");
  await cleanEngine({ orchestratorId: `live${run}` });
});
