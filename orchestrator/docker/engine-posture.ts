/**
 * What the engine itself guarantees about containers, read once from `docker info`:
 *  - can it cap a container's writable layer (`--storage-opt size=`)? btrfs (qgroups) and zfs
 *    can; overlay2 only over XFS mounted with pquota (which `docker info` does not tell).
 *    btrfs's full qgroups count the image a container shares (and make every snapshot slow);
 *    its simple quotas (kernel 6.7+, enabled by scripts/docker/ensure-docker.sh, which labels
 *    the engine `firedrill.disk-quota=btrfs-simple`) count only what the container writes;
 *  - does it run containers in a user namespace (`userns-remap`), so container root is an
 *    unprivileged host uid?
 * Pure from the info object, so the decision is unit-tested.
 */
import { call } from "./client";

export interface DiskCapSupport {
  capped: boolean;
  /** btrfs/zfs limit what the container's layer references, image included; overlay2 only its upper dir. */
  countsImage: boolean;
  detail: string;
}

export interface EnginePosture {
  disk: DiskCapSupport;
  userns: boolean;
}

export interface EngineInfo {
  Driver?: string;
  DriverStatus?: [string, string][];
  SecurityOptions?: string[];
  Labels?: string[];
}

export const SIMPLE_QUOTA_LABEL = "firedrill.disk-quota=btrfs-simple";

export function postureFromInfo(info: EngineInfo): EnginePosture {
  const driver = info.Driver ?? "unknown";
  const backing = info.DriverStatus?.find(([k]) => k === "Backing Filesystem")?.[1] ?? "";
  let disk: DiskCapSupport;
  if (driver === "btrfs" && (info.Labels ?? []).includes(SIMPLE_QUOTA_LABEL))
    disk = { capped: true, countsImage: false, detail: "btrfs simple quotas" };
  else if (driver === "btrfs" || driver === "zfs")
    disk = { capped: true, countsImage: true, detail: `${driver} quotas` };
  else if (driver === "overlay2" && backing === "xfs")
    disk = { capped: true, countsImage: false, detail: "overlay2 on xfs (needs the pquota mount option)" };
  else disk = { capped: false, countsImage: false, detail: `${driver}${backing ? ` on ${backing}` : ""} cannot` };
  const userns = (info.SecurityOptions ?? []).some((o) => /(^|,)name=userns(,|$)/.test(o));
  return { disk, userns };
}

export async function enginePosture(): Promise<EnginePosture> {
  return postureFromInfo(await call("docker info", (d) => d.info() as Promise<EngineInfo>));
}

const MB = 1024 * 1024;

/** The `size` storage option for an instance allowed `diskMb` of writes, or undefined when uncapped. */
export function writableLayerSize(disk: DiskCapSupport, imageBytes: number, diskMb: number): string | undefined {
  if (!disk.capped) return undefined;
  return `${(disk.countsImage ? Math.ceil(imageBytes / MB) : 0) + diskMb}M`;
}
