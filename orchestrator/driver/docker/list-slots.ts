/** Every slot this orchestrator has Docker objects for (for reconcile and orphan removal). */
import { healthFromStatus, listContainers } from "../../docker/containers";
import { listNetworks } from "../../docker/networks";
import { listVolumes } from "../../docker/volumes";
import { LABEL, ownedFilter, slotOf } from "../labels";
import { networkName } from "../names";
import type { InstanceStatus } from "../types";
import { addressOn } from "./find-containers";

export async function listSlots(orchestratorId: string): Promise<Map<string, InstanceStatus[]>> {
  const filter = ownedFilter(orchestratorId);
  const [containers, networks, volumes] = await Promise.all([
    listContainers(filter),
    listNetworks(filter),
    listVolumes(filter),
  ]);
  const slots = new Map<string, InstanceStatus[]>();
  const ensure = (slot: string | undefined) => {
    if (slot && !slots.has(slot)) slots.set(slot, []);
    return slot ? slots.get(slot) : undefined;
  };
  for (const c of containers) {
    const slot = slotOf(c.Labels);
    const list = ensure(slot);
    const instance = c.Labels[LABEL.instance];
    if (!list || !slot || !instance) continue;
    list.push({
      name: instance,
      state: c.State,
      health: healthFromStatus(c.Status),
      address: addressOn(c, networkName(orchestratorId, slot)),
    });
  }
  for (const n of networks) ensure(slotOf(n.Labels));
  for (const v of volumes) ensure(slotOf(v.Labels));
  return slots;
}
