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
    // "has active endpoints" (409, or 403 from Docker 20.10): something is still attached. The caller
    // removes the slot's containers, lets go of what is left attached, and tries again.
    if (err instanceof OrchestratorError && (err.code === "conflict" || /active endpoints/.test(err.message))) {
      throw new OrchestratorError("conflict", `network ${id.slice(0, 12)} still has containers attached`, {
        cause: err,
      });
    }
    throw err;
  }
}

/**
 * Force every endpoint off a network: one left by a container that a killed orchestrator was still
 * creating can outlive the container itself, and then the network can never be removed. Returns what
 * was attached and what each disconnect answered, for the error a caller raises if the network stays.
 */
export async function disconnectAll(id: string): Promise<string[]> {
  const info = await inspectNetwork(id);
  const seen: string[] = [];
  for (const [key, endpoint] of Object.entries(info?.Containers ?? {})) {
    // A live container goes by its id; a stale endpoint ("ep-…") only by the name it had.
    const answers: string[] = [];
    for (const container of new Set([key, endpoint.Name].filter(Boolean))) {
      const answer = await callIgnoringGone(`disconnect ${container.slice(0, 12)}`, (d) =>
        d.getNetwork(id).disconnect({ Container: container, Force: true }),
      ).then(
        () => "ok",
        (err: unknown) => (err instanceof Error ? err.message : String(err)),
      );
      answers.push(answer);
    }
    seen.push(`${key.slice(0, 15)} (${endpoint.Name}): ${answers.join("; ")}`);
  }
  return seen;
}
