/** Networks, through the gateway's error boundary. */
import type { NetworkCreateOptions, NetworkInspectInfo } from "dockerode";
import { OrchestratorError } from "../errors";
import { call, callIgnoringGone, labelFilter } from "./client";

export type { NetworkInspectInfo };

export async function listNetworks(labels: Record<string, string>): Promise<NetworkInspectInfo[]> {
  return call("list networks", (d) => d.listNetworks({ filters: labelFilter(labels) }));
}

export async function createNetwork(opts: NetworkCreateOptions): Promise<string> {
  const n = await call(`create network ${opts.Name}`, (d) => d.createNetwork(opts));
  return n.id;
}

export async function inspectNetwork(idOrName: string): Promise<NetworkInspectInfo | undefined> {
  return callIgnoringGone(`inspect network ${idOrName}`, (d) => d.getNetwork(idOrName).inspect());
}

export async function removeNetwork(id: string): Promise<void> {
  try {
    await callIgnoringGone(`remove network ${id.slice(0, 12)}`, (d) => d.getNetwork(id).remove());
  } catch (err) {
    // 409 "has active endpoints": a container is still attached; the caller removes containers first.
    if (err instanceof OrchestratorError && err.code === "conflict") {
      throw new OrchestratorError("conflict", `network ${id.slice(0, 12)} still has containers attached`, {
        cause: err,
      });
    }
    throw err;
  }
}
