/** Remove every Docker object labelled for a slot: containers, then networks and volumes. */
import { listContainers, removeContainer } from "../../docker/containers";
import { disconnectAll, listNetworks, removeNetwork } from "../../docker/networks";
import { listVolumes, removeVolume } from "../../docker/volumes";
import { OrchestratorError } from "../../errors";
import { LABEL, slotFilter } from "../labels";
import { removeSlotCgroup, slotCgroupParent } from "./cpu-budget";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withRetry(op: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      // A container still detaching from a network or unmounting a volume: try again shortly.
      if (!(err instanceof OrchestratorError && err.code === "conflict") || attempt >= 20) throw err;
      await sleep(250);
    }
  }
}

export async function removeSlotInstances(orchestratorId: string, slot: string): Promise<void> {
  const containers = await listContainers(slotFilter(orchestratorId, slot));
  await Promise.all(containers.map((c) => removeContainer(c.Id)));
  removeSlotCgroup(slotCgroupParent(orchestratorId, slot));
  const volumes = await listVolumes(slotFilter(orchestratorId, slot));
  await Promise.all(volumes.map((v) => withRetry(() => removeVolume(v.Name))));
}

/**
 * A container still being created when the orchestrator was killed can attach after our listing, or
 * leave its endpoint behind once gone: remove the slot's containers again, force off what is still
 * attached, and let withRetry try once more. If the network stays, its error says what was attached and
 * what Docker answered to each disconnect.
 */
async function removeSlotNetwork(orchestratorId: string, slot: string, id: string): Promise<void> {
  try {
    await removeNetwork(id);
  } catch (err) {
    if (!(err instanceof OrchestratorError && err.code === "conflict")) throw err;
    await removeSlotInstances(orchestratorId, slot);
    const attached = await disconnectAll(id);
    throw new OrchestratorError(
      "conflict",
      `${err.message}${attached.length ? `: ${attached.join(" | ")}` : " (Docker lists nothing attached)"}`,
      { cause: err },
    );
  }
}

export async function destroySlot(orchestratorId: string, slot: string): Promise<void> {
  await removeSlotInstances(orchestratorId, slot);
  const networks = await listNetworks(slotFilter(orchestratorId, slot));
  await Promise.all(networks.map((n) => withRetry(() => removeSlotNetwork(orchestratorId, slot, n.Id))));
  // Objects created by a provisioning step that was still in flight land after our listing: look again.
  const [c, n, v] = await Promise.all([
    listContainers(slotFilter(orchestratorId, slot)),
    listNetworks(slotFilter(orchestratorId, slot)),
    listVolumes(slotFilter(orchestratorId, slot)),
  ]);
  if (c.length + n.length + v.length > 0) {
    const names = [...c.map((x) => x.Names[0] ?? x.Id), ...n.map((x) => x.Name), ...v.map((x) => x.Name)];
    throw new OrchestratorError("conflict", `slot ${slot}: still present after removal: ${names.join(", ")}`);
  }
}

export { LABEL };
