/**
 * Nothing outlives its owner: objects whose owning orchestrator's state folder
 * no longer exists (a deleted checkout, a removed test folder) can never be
 * adopted again, so any orchestrator on the engine removes them — warm-pool
 * stacks above all, which used to pile up. Objects without the owner label
 * (made before it existed) and those of live folders are left alone.
 * An engine shared by several hosts (DOCKER_HOST) must turn this off
 * (ORCHESTRATOR_REMOVE_ABANDONED=off): another host's folders are not visible here.
 */
import { existsSync } from "node:fs";
import { cleanEngine } from "../cli/clean-engine";
import type { Deps } from "../deps";
import { listContainers } from "../docker/containers";
import { listNetworks } from "../docker/networks";
import { listVolumes } from "../docker/volumes";
import { messageOf } from "../errors";
import { LABEL } from "../driver/labels";

export async function removeAbandoned(
  deps: Deps,
  folderExists: (dir: string) => boolean = existsSync,
): Promise<string[]> {
  const managed = { [LABEL.managed]: "true" };
  const [containers, networks, volumes] = await Promise.all([
    listContainers(managed),
    listNetworks(managed),
    listVolumes(managed),
  ]);
  const owners = new Map<string, string>();
  for (const labels of [
    ...containers.map((c) => c.Labels),
    ...networks.map((n) => n.Labels),
    ...volumes.map((v) => v.Labels),
  ]) {
    const id = labels?.[LABEL.orchestrator];
    const dir = labels?.[LABEL.ownerDir];
    if (id && dir && id !== deps.config.orchestratorId) owners.set(id, dir);
  }
  const removed: string[] = [];
  for (const [id, dir] of owners) {
    if (folderExists(dir)) continue;
    try {
      const r = await cleanEngine({ orchestratorId: id, labels: { [LABEL.ownerDir]: dir } });
      removed.push(id);
      deps.config.log(
        "info",
        `removed what orchestrator ${id} left (its folder ${dir} is gone): ${r.containers.length} containers, ${r.networks.length} networks, ${r.volumes.length} volumes`,
      );
    } catch (err) {
      deps.config.log("warn", `could not remove what orchestrator ${id} left: ${messageOf(err)}`);
    }
  }
  return removed;
}
