/** CPU, memory and process count of an instance; CPU % over the caller's own sampling interval. */
import { cpuPercent, memoryUsed, statsOnce, type ContainerStats } from "../../docker/stats";
import type { InstanceSample } from "../types";

const previous = new Map<string, ContainerStats>();

export async function sampleContainer(containerId: string): Promise<InstanceSample> {
  const cur = await statsOnce(containerId);
  const prev = previous.get(containerId);
  previous.set(containerId, cur);
  if (previous.size > 2000) previous.delete(previous.keys().next().value as string);
  const pids = (cur as unknown as { pids_stats?: { current?: number } }).pids_stats?.current ?? 0;
  return {
    cpuPercent: cpuPercent(prev, cur),
    memoryBytes: memoryUsed(cur),
    memoryLimitBytes: cur.memory_stats?.limit ?? 0,
    processes: pids,
  };
}
