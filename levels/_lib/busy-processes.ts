/**
 * Whether something keeps an instance's CPU busy, judged by behaviour rather than by name: the host's
 * `ps` of the instance taken several times in a row. CPU-bound work keeps some process running or waiting
 * for a CPU (state R) in nearly every sample, however loaded the host is, whatever the processes are called
 * and however nice they are; a healthy server's processes sleep between requests. Short-lived processes
 * (a healthcheck's curl) are not counted: only processes seen in two samples or more. A process paused
 * with SIGSTOP is not R (it uses no CPU), which is why checks also reboot. The engine's CPU figure for the
 * instance over the same window comes with it.
 */
import type { Observe } from "../_sdk";
import { sleep } from "./shell";

export interface BusyInstance {
  instance: string;
  /** Samples in which some lasting process of the instance was running or runnable. */
  busySamples: number;
  samples: number;
  /** The process found running most often. */
  top?: { pid: number; running: number };
  /** Lasting processes running in at least 75 % of the samples each. */
  heavy: number[];
  /** The engine's CPU use of the instance over the window, percent of one CPU. */
  cpuPercent: number;
}

export interface BusyReading {
  instances: BusyInstance[];
  /** Instances busy in at least 75 % of the samples. */
  busy: BusyInstance[];
  /** The samples came far slower than asked (a saturated host or engine): not a reading to judge by. */
  slow: boolean;
}

const BUSY_SHARE = 0.75;

export async function sampleBusy(
  observe: Pick<Observe, "processes" | "usage">,
  instances: string[],
  samples = 8,
  intervalMs = 400,
): Promise<BusyReading> {
  for (const instance of instances) await observe.usage(instance); // starts the engine's CPU window
  const started = Date.now();
  const taken: Map<number, boolean>[][] = instances.map(() => []);
  for (let i = 0; i < samples; i++) {
    for (const [n, instance] of instances.entries()) {
      const list = await observe.processes(instance);
      taken[n]?.push(new Map(list.map((p) => [p.pid, p.state.startsWith("R")])));
    }
    if (i < samples - 1) await sleep(intervalMs);
  }
  const slow = Date.now() - started > samples * intervalMs * 4 + 10_000;
  const read: BusyInstance[] = [];
  for (const [n, instance] of instances.entries()) {
    const snaps = taken[n] ?? [];
    const seen = new Map<number, number>();
    const running = new Map<number, number>();
    for (const snap of snaps)
      for (const [pid, r] of snap) {
        seen.set(pid, (seen.get(pid) ?? 0) + 1);
        if (r) running.set(pid, (running.get(pid) ?? 0) + 1);
      }
    const lasting = (pid: number) => (seen.get(pid) ?? 0) >= 2;
    const busySamples = snaps.filter((snap) => [...snap].some(([pid, r]) => r && lasting(pid))).length;
    const [topPid, topRunning] = [...running].filter(([pid]) => lasting(pid)).sort((a, b) => b[1] - a[1])[0] ?? [];
    const heavy = [...running].filter(([pid, n]) => lasting(pid) && n >= BUSY_SHARE * snaps.length).map(([pid]) => pid);
    read.push({
      instance,
      busySamples,
      samples: snaps.length,
      heavy,
      ...(topPid !== undefined && topRunning !== undefined ? { top: { pid: topPid, running: topRunning } } : {}),
      cpuPercent: (await observe.usage(instance)).cpuPercent,
    });
  }
  return { instances: read, busy: read.filter((r) => r.busySamples >= BUSY_SHARE * r.samples), slow };
}
