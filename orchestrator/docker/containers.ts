/** Containers, through the gateway's error boundary. */
import type { ContainerCreateOptions, ContainerInfo, ContainerInspectInfo } from "dockerode";
import { OrchestratorError } from "../errors";
import { call, callIgnoringGone, labelFilter } from "./client";

export type { ContainerInfo, ContainerInspectInfo, ContainerCreateOptions };

export async function listContainers(labels: Record<string, string>): Promise<ContainerInfo[]> {
  return call("list containers", (d) => d.listContainers({ all: true, filters: labelFilter(labels) }));
}

export async function createContainer(opts: ContainerCreateOptions): Promise<string> {
  const c = await call(`create container ${opts.name ?? ""}`, (d) => d.createContainer(opts));
  return c.id;
}

export async function inspectContainer(id: string): Promise<ContainerInspectInfo> {
  return call(`inspect container ${id.slice(0, 12)}`, (d) => d.getContainer(id).inspect());
}

/** Start; starting a running container is not an error. */
export async function startContainer(id: string): Promise<void> {
  try {
    await call(`start container ${id.slice(0, 12)}`, (d) => d.getContainer(id).start());
  } catch (err) {
    if (err instanceof OrchestratorError && err.code === "unchanged") return;
    throw err;
  }
}

export async function restartContainer(id: string, timeoutSeconds = 5): Promise<void> {
  await call(`restart container ${id.slice(0, 12)}`, (d) => d.getContainer(id).restart({ t: timeoutSeconds }));
}

/** Force-remove with anonymous volumes; a container already gone is fine. */
export async function removeContainer(id: string): Promise<void> {
  try {
    await callIgnoringGone(`remove container ${id.slice(0, 12)}`, (d) =>
      d.getContainer(id).remove({ force: true, v: true }),
    );
  } catch (err) {
    // "removal already in progress" is a 409: someone else is doing our job.
    if (err instanceof OrchestratorError && err.code === "conflict") return;
    throw err;
  }
}

export async function renameContainer(id: string, name: string): Promise<void> {
  await call(`rename container ${id.slice(0, 12)}`, (d) => d.getContainer(id).rename({ name }));
}

/** "Up 3 minutes (healthy)" → "healthy"; null when the container has no healthcheck. */
export function healthFromStatus(status: string): string | null {
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!m) return null;
  return m[1] === "health: starting" ? "starting" : (m[1] ?? null);
}
