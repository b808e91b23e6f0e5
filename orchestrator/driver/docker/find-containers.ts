/** Find a slot's containers by label (names are cosmetic and change when a pool slot is adopted). */
import type { ContainerInfo } from "dockerode";
import { listContainers } from "../../docker/containers";
import { OrchestratorError } from "../../errors";
import { LABEL, slotFilter } from "../labels";

export interface SlotContainers {
  keeper: ContainerInfo | undefined;
  instances: Map<string, ContainerInfo>;
}

export async function slotContainers(orchestratorId: string, slot: string): Promise<SlotContainers> {
  const all = await listContainers(slotFilter(orchestratorId, slot));
  const instances = new Map<string, ContainerInfo>();
  let keeper: ContainerInfo | undefined;
  for (const c of all) {
    if (c.Labels[LABEL.role] === "keeper") keeper = c;
    else if (c.Labels[LABEL.instance]) instances.set(c.Labels[LABEL.instance] as string, c);
  }
  return { keeper, instances };
}

export async function instanceContainer(
  orchestratorId: string,
  slot: string,
  instance: string,
): Promise<ContainerInfo> {
  const c = (await listContainers({ ...slotFilter(orchestratorId, slot), [LABEL.instance]: instance }))[0];
  if (!c) throw new OrchestratorError("not_found", `instance ${instance} not found`);
  return c;
}

export function addressOn(c: ContainerInfo, network: string): string | null {
  const nets = c.NetworkSettings?.Networks ?? {};
  return nets[network]?.IPAddress || null;
}
