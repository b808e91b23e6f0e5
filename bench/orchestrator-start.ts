/**
 * Start latency of an environment (provision → ready, fault applied), cold and
 * from the warm pool: 20 sequential, then 10 concurrent, each way.
 *   tsx bench/orchestrator-start.ts      (BENCH_LEVEL=<id> to choose the level)
 * BENCH_MODES=cold (or warm) measures one way only; BENCH_BURSTS=2 repeats the concurrent burst (20 samples).
 */
import { benchOrchestrator, machine, pickLevel, saveResult, summary } from "./lib/bench-kit";

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 20);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 10);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 1);
const MODES = (process.env.BENCH_MODES ?? "cold,warm").split(",");

type Orch = ReturnType<typeof benchOrchestrator>;
let n = 0;
const req = (levelId: string) => ({
  id: `bench-${process.pid}-${n++}`,
  attemptId: `bench-${n}`,
  levelId,
  seed: `seed-${n}`,
});

const stageMs: Record<string, number[]> = {};

async function timed(orch: Orch, levelId: string): Promise<{ ms: number; warm: boolean; id: string }> {
  const r = req(levelId);
  const t0 = performance.now();
  const view = await orch.provision(r);
  const ms = performance.now() - t0;
  for (const s of view.stages) {
    if (!s.startedAt || !s.endedAt || s.message === "from the warm pool") continue;
    (stageMs[`${view.fromWarmPool ? "warm" : "cold"} ${s.name}`] ??= []).push(
      Date.parse(s.endedAt) - Date.parse(s.startedAt),
    );
  }
  return { ms, warm: view.fromWarmPool, id: r.id };
}

async function run(warmPool: number, levelId: string) {
  const orch = benchOrchestrator({ warmPool });
  await orch.start();
  const sequential: number[] = [];
  let fromPool = 0;
  try {
    for (let i = 0; i < SEQUENTIAL; i++) {
      if (warmPool) await orch.fillWarmPool(); // the pool refilled between players, as in real use
      const r = await timed(orch, levelId);
      sequential.push(r.ms);
      fromPool += r.warm ? 1 : 0;
      await orch.destroy(r.id);
      process.stderr.write(".");
    }
    const concurrent: number[] = [];
    for (let b = 0; b < BURSTS; b++) {
      if (warmPool) {
        orch.config.warmPool = CONCURRENT;
        await orch.fillWarmPool();
      }
      const burst = await Promise.all(Array.from({ length: CONCURRENT }, () => timed(orch, levelId)));
      fromPool += burst.filter((r) => r.warm).length;
      concurrent.push(...burst.map((r) => r.ms));
      await Promise.all(burst.map((r) => orch.destroy(r.id)));
    }
    process.stderr.write("\n");
    return { sequential: summary(sequential), concurrent: summary(concurrent), fromPool };
  } finally {
    await orch.stop();
    await orch.drainWarmPool();
  }
}

async function main(): Promise<void> {
  const probe = benchOrchestrator();
  await probe.start();
  const levelId = pickLevel(probe.levels().levels);
  await probe.stop();
  console.log(`start latency, level ${levelId}; ${machine()}`);
  const cold = MODES.includes("cold") ? await run(0, levelId) : null;
  const warm = MODES.includes("warm") ? await run(1, levelId) : null;
  const rows = [
    ...(cold
      ? ([
          ["cold, sequential", cold.sequential],
          ["cold, concurrent", cold.concurrent],
        ] as const)
      : []),
    ...(warm
      ? ([
          ["warm pool, sequential", warm.sequential],
          ["warm pool, concurrent", warm.concurrent],
        ] as const)
      : []),
  ];
  console.log("| case | n | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- | --- |");
  for (const [name, s] of rows) console.log(`| ${name} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`);
  if (warm) console.log(`from the warm pool: ${warm.fromPool} of ${SEQUENTIAL + CONCURRENT * BURSTS}`);
  const stages = Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, summary(v)]));
  console.log(
    `stage durations (p50/p95 ms): ${Object.entries(stages)
      .map(([k, v]) => `${k} ${v.p50}/${v.p95}`)
      .join(", ")}`,
  );
  saveResult("orchestrator-start", { levelId, cold, warm, stages });
}

main()
  .then(() => process.exit(0))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
