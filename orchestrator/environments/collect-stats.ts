/**
 * Per instance: CPU %, memory, processes (from the engine) and, for each
 * mounted volume or tmpfs, used and total bytes (from `df` inside the instance).
 */
import type { InstanceStats } from "../../lib/contracts/orchestrator-api";
import type { Deps } from "../deps";
import { readyRecord } from "./ready-record";

/** Parse `df -P -B1` output: header, then "fs size used avail pct mount". */
export function parseDf(stdout: string): { mount: string; usedBytes: number; totalBytes: number }[] {
  return stdout
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 6)
    .map((f) => ({ mount: f.slice(5).join(" "), totalBytes: Number(f[1]), usedBytes: Number(f[2]) }))
    .filter((d) => Number.isFinite(d.totalBytes) && Number.isFinite(d.usedBytes));
}

export async function collectStats(deps: Deps, id: string): Promise<InstanceStats[]> {
  const rec = readyRecord(deps, id);
  const stack = await deps.levels.stack(rec.stack);
  return Promise.all(
    stack.instances.map(async (inst): Promise<InstanceStats> => {
      const mounts = [...inst.volumes.map((v) => v.mountPath), ...Object.keys(inst.tmpfs)];
      const [sample, df] = await Promise.all([
        deps.driver.sample(rec.slot, inst.name).catch(() => ({
          cpuPercent: 0,
          memoryBytes: 0,
          memoryLimitBytes: inst.memoryMb * 1024 * 1024,
          processes: 0,
        })),
        mounts.length
          ? deps.driver
              .exec(rec.slot, inst.name, ["df", "-P", "-B1", ...mounts], { timeoutMs: 5_000 })
              .catch(() => undefined)
          : Promise.resolve(undefined),
      ]);
      return { instance: inst.name, ...sample, disks: df ? parseDf(df.stdout) : [] };
    }),
  );
}
