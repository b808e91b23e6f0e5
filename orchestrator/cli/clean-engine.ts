/**
 * Remove Firedrill's objects from the engine: every container, network and
 * volume labelled `firedrill.managed=true` (all checkouts, all test runs), or
 * only those of one orchestrator id. Images are kept. Used by `npm run clean`.
 */
import { listContainers, removeContainer } from "../docker/containers";
import { listNetworks, removeNetwork } from "../docker/networks";
import { listVolumes, removeVolume } from "../docker/volumes";
import { LABEL } from "../driver/labels";

export interface CleanReport {
  containers: string[];
  networks: string[];
  volumes: string[];
}

export async function cleanEngine(opts: {
  orchestratorId?: string;
  /** Narrower selection by any extra labels (tests use a label of their own). */
  labels?: Record<string, string>;
  dryRun?: boolean;
}): Promise<CleanReport> {
  const filter: Record<string, string> = {
    [LABEL.managed]: "true",
    ...(opts.orchestratorId ? { [LABEL.orchestrator]: opts.orchestratorId } : {}),
    ...opts.labels,
  };
  const containers = await listContainers(filter);
  // Containers first: a network or volume in use cannot go.
  if (!opts.dryRun) for (const c of containers) await removeContainer(c.Id);
  const networks = await listNetworks(filter);
  if (!opts.dryRun) for (const n of networks) await removeNetwork(n.Id);
  const volumes = await listVolumes(filter);
  if (!opts.dryRun) for (const v of volumes) await removeVolume(v.Name);
  return {
    containers: containers.map((c) => c.Names[0]?.replace(/^\//, "") ?? c.Id),
    networks: networks.map((n) => n.Name),
    volumes: volumes.map((v) => v.Name),
  };
}
