/**
 * Container stats. One-shot samples (fast: no 1 s wait for a second sample);
 * the caller keeps the previous sample to compute CPU % over its own interval.
 */
import type { ContainerStats } from "dockerode";
import { call } from "./client";

export type { ContainerStats };

export async function statsOnce(containerId: string): Promise<ContainerStats> {
  return call<ContainerStats>("container stats", (d) =>
    d.getContainer(containerId).stats({ stream: false, "one-shot": true } as { stream: false }),
  );
}

/** CPU % of one core-equivalent per core × cores, as `docker stats` shows it. */
export function cpuPercent(prev: ContainerStats | undefined, cur: ContainerStats): number {
  const prevCpu = prev?.cpu_stats ?? cur.precpu_stats;
  if (!prevCpu?.cpu_usage || !prevCpu.system_cpu_usage) return 0;
  const cpuDelta = cur.cpu_stats.cpu_usage.total_usage - prevCpu.cpu_usage.total_usage;
  const sysDelta = cur.cpu_stats.system_cpu_usage - prevCpu.system_cpu_usage;
  const cores = cur.cpu_stats.online_cpus || cur.cpu_stats.cpu_usage.percpu_usage?.length || 1;
  if (cpuDelta <= 0 || sysDelta <= 0) return 0;
  return Math.round((cpuDelta / sysDelta) * cores * 1000) / 10;
}

/** Memory in use the way `docker stats` counts it (without page cache). */
export function memoryUsed(s: ContainerStats): number {
  const m = s.memory_stats;
  if (!m?.usage) return 0;
  const stats = (m.stats ?? {}) as unknown as Record<string, number | undefined>;
  const cache = stats.total_inactive_file ?? stats.inactive_file ?? stats.cache ?? 0;
  return Math.max(0, m.usage - cache);
}
