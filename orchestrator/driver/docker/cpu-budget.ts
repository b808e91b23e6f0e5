/**
 * One environment's CPU budget, so a player's busy loop cannot starve the
 * neighbours' terminals (or this process) on a small host.
 * - "cgroup": every instance of a slot runs under a parent cgroup capped at
 *   `envCpus` (cgroupfs driver, v1 or v2, writable /sys/fs/cgroup); an instance
 *   keeps its own cap (at most envCpus), the slot's total is envCpus.
 * - "scaled": otherwise (systemd driver, no write access) each instance's cap is
 *   scaled so their sum is at most envCpus.
 * Either way instances get half the default CPU weight, so under contention the
 * host's own processes (orchestrator, engine, database) come first.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StackInstance } from "../../../lib/levels/stack-schema";

export type CpuMode = "cgroup" | "scaled";
export const INSTANCE_CPU_SHARES = 512;
const PERIOD_US = 100_000;
const ROOT = "/sys/fs/cgroup";

export interface CpuPlan {
  mode: CpuMode;
  envCpus: number;
  /** Docker's CgroupParent for the slot's instances (mode "cgroup"). */
  cgroupParent?: string;
  /** NanoCpus per instance name. */
  nanoCpus: Record<string, number>;
}

export function planCpu(
  instances: readonly Pick<StackInstance, "name" | "cpus">[],
  envCpus: number,
  mode: CpuMode,
  cgroupParent?: string,
): CpuPlan {
  const sum = instances.reduce((n, i) => n + i.cpus, 0);
  const scale = mode === "scaled" && sum > envCpus ? envCpus / sum : 1;
  const nanoCpus: Record<string, number> = {};
  for (const i of instances) nanoCpus[i.name] = Math.round(Math.min(i.cpus * scale, envCpus) * 1e9);
  return { mode, envCpus, nanoCpus, ...(mode === "cgroup" && cgroupParent ? { cgroupParent } : {}) };
}

/** Which cgroup layout this host has, when the engine uses cgroupfs and we may write it. */
export function cgroupLayout(engineCgroupDriver: string | undefined): "v1" | "v2" | undefined {
  if (engineCgroupDriver !== "cgroupfs") return undefined;
  if (existsSync(join(ROOT, "cgroup.controllers"))) return "v2";
  if (existsSync(join(ROOT, "cpu", "cpu.cfs_quota_us"))) return "v1";
  return undefined;
}

export function slotCgroupParent(orchestratorId: string, slot: string): string {
  return `/firedrill/${orchestratorId}-${slot}`;
}

/** Create the slot's parent cgroup with its CPU cap (before its containers exist). Throws when it cannot. */
export function ensureSlotCgroup(layout: "v1" | "v2", parent: string, envCpus: number): void {
  const quota = Math.round(envCpus * PERIOD_US);
  if (layout === "v1") {
    const dir = join(ROOT, "cpu", parent);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "cpu.cfs_period_us"), String(PERIOD_US));
    writeFileSync(join(dir, "cpu.cfs_quota_us"), String(quota));
    return;
  }
  const top = join(ROOT, "firedrill");
  mkdirSync(join(ROOT, parent), { recursive: true });
  for (const dir of [ROOT, top]) {
    if (!readFileSync(join(dir, "cgroup.subtree_control"), "utf8").includes("cpu"))
      writeFileSync(join(dir, "cgroup.subtree_control"), "+cpu");
  }
  writeFileSync(join(ROOT, parent, "cpu.max"), `${quota} ${PERIOD_US}`);
}

/** The quota now on a slot's parent cgroup, in CPUs (tests, settings). */
export function slotCgroupCpus(layout: "v1" | "v2", parent: string): number | undefined {
  try {
    if (layout === "v1") return Number(readFileSync(join(ROOT, "cpu", parent, "cpu.cfs_quota_us"), "utf8")) / PERIOD_US;
    const [quota, period] = readFileSync(join(ROOT, parent, "cpu.max"), "utf8")
      .trim()
      .split(" ");
    return Number(quota) / Number(period);
  } catch {
    return undefined;
  }
}

/** Remove the slot's (empty) parent cgroups once its containers are gone; best effort. */
export function removeSlotCgroup(parent: string): void {
  const controllers = existsSync(join(ROOT, "cgroup.controllers"))
    ? [""]
    : [
        "cpu",
        "cpuacct",
        "cpuset",
        "memory",
        "pids",
        "blkio",
        "devices",
        "freezer",
        "net_cls",
        "perf_event",
        "systemd",
        "unified",
      ];
  for (const c of controllers) {
    try {
      rmdirSync(join(ROOT, c, parent));
    } catch {
      /* absent or not empty yet */
    }
  }
}
