/**
 * Memory per idle environment: N environments of one level, ready and left
 * alone (only the mock client's traffic) for a while, then measured two ways:
 * the instances' cgroup memory (without page cache) and the host's
 * MemAvailable drop.
 *   tsx bench/env-memory.ts     (BENCH_ENVS=5, BENCH_SETTLE_S=30, BENCH_LEVEL=<id>)
 */
import { readFileSync } from "node:fs";
import { benchOrchestrator, machine, pickLevel, saveResult, summary } from "./lib/bench-kit";

const ENVS = Number(process.env.BENCH_ENVS ?? 5);
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 30);

function memAvailable(): number {
  const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync("/proc/meminfo", "utf8"));
  return Number(m?.[1] ?? 0) * 1024;
}

const MiB = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

async function main(): Promise<void> {
  const orch = benchOrchestrator();
  await orch.start();
  const levelId = pickLevel(orch.levels().levels);
  const ids = Array.from({ length: ENVS }, (_, i) => `mem-${process.pid}-${i}`);
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const before = memAvailable();
    for (const id of ids) await orch.provision({ id, attemptId: id, levelId, seed: id });
    await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
    const after = memAvailable();
    const perEnv: number[] = [];
    const perInstance: Record<string, number[]> = {};
    for (const id of ids) {
      const stats = await orch.stats(id);
      perEnv.push(stats.reduce((sum, s) => sum + s.memoryBytes, 0));
      for (const s of stats) (perInstance[s.instance] ??= []).push(s.memoryBytes);
    }
    const hostPerEnv = (before - after) / ENVS;
    console.log(
      `memory per idle environment, level ${levelId}, ${ENVS} environments, ${SETTLE_S} s settled; ${machine()}`,
    );
    console.log(
      `cgroup memory (no page cache), per environment: ${JSON.stringify(Object.fromEntries(Object.entries(summary(perEnv)).map(([k, v]) => [k, k === "n" ? v : MiB(v)])))} MiB`,
    );
    for (const [name, values] of Object.entries(perInstance))
      console.log(`  ${name}: p50 ${MiB(summary(values).p50)} MiB`);
    console.log(
      `host MemAvailable drop per environment: ${MiB(hostPerEnv)} MiB (includes page cache, tmpfs volumes, the keeper, engine bookkeeping)`,
    );
    saveResult("env-memory", {
      levelId,
      environments: ENVS,
      settleSeconds: SETTLE_S,
      cgroupMiBPerEnv: perEnv.map(MiB),
      perInstanceMiBp50: Object.fromEntries(Object.entries(perInstance).map(([k, v]) => [k, MiB(summary(v).p50)])),
      hostMiBPerEnv: MiB(hostPerEnv),
    });
  } finally {
    for (const id of ids) await orch.destroy(id).catch(() => undefined);
    await orch.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
