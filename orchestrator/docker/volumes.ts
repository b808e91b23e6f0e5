/** Volumes, through the gateway's error boundary. */
import type { VolumeCreateOptions, VolumeInspectInfo } from "dockerode";
import { OrchestratorError } from "../errors";
import { call, callIgnoringGone, labelFilter } from "./client";

export async function listVolumes(labels: Record<string, string>): Promise<VolumeInspectInfo[]> {
  const res = await call("list volumes", (d) => d.listVolumes({ filters: labelFilter(labels) }));
  return res.Volumes ?? [];
}

/** Creating a volume that exists with the same options returns it (Docker is idempotent here). */
export async function createVolume(opts: VolumeCreateOptions): Promise<void> {
  await call(`create volume ${opts.Name}`, (d) => d.createVolume(opts));
}

export async function removeVolume(name: string): Promise<void> {
  try {
    await callIgnoringGone(`remove volume ${name}`, (d) => d.getVolume(name).remove({ force: true }));
  } catch (err) {
    if (err instanceof OrchestratorError && err.code === "conflict") {
      throw new OrchestratorError("conflict", `volume ${name} is still in use`, { cause: err });
    }
    throw err;
  }
}
