/**
 * Claim → ready at the orchestrator: `orch.provision()` of a level whose pre-broken pool has a
 * ready environment, until it resolves (the environment ready, the fault showing). The pool
 * (BENCH_POOL, default 4) refills in the background as it does in use; each claim waits until
 * one is ready (not counted) and its environment is destroyed after it is measured (not counted).
 * Then BENCH_BURST claims at once from a full pool. Also: memory of one idle pooled environment.
 *
 *   npx tsx bench/pool-claim.bench.ts   # BENCH_LEVEL=disk-full, BENCH_CLAIMS=20, BENCH_POOL=4, BENCH_BURST=4
 */
import { execFileSync } from "node:child_process";
import { benchOrchestrator, machine, saveResult, summary } from "./lib/bench-kit";

const LEVEL = process.env.BENCH_LEVEL ?? "disk-full";
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 20);
const POOL = Number(process.env.BENCH_POOL ?? 4);
const BURST = Number(process.env.BENCH_BURST ?? 4);

const uptime = () => execFileSync("uptime", { encoding: "utf8" }).trim();

async function main(): Promise<void> {
  console.log(`${machine()}\n${uptime()}`);
  const orch = benchOrchestrator({ poolCeiling: POOL, poolBudgetMb: 100_000 });
  await orch.start();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const ready = () => orch.deps.pools.all().filter((p) => p.levelId === LEVEL && p.state === "ready").length;
  try {
    orch.setPoolDemand({ levels: [{ levelId: LEVEL, want: POOL, reason: "bench", until: null }] });
    const t = Date.now();
    await orch.fillPools();
    console.log(`filled ${ready()} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    await orch.poolManager.measure();
    const envMb = orch.poolManager.envMb(orch.deps.levels.get(LEVEL).manifest.stack);
    console.log(`one idle pooled environment (${LEVEL}, faulted): ${envMb} MB`);

    const sequential: number[] = [];
    let fromPool = 0;
    for (let i = 0; i < CLAIMS; i++) {
      while (ready() === 0) await sleep(200);
      const t0 = performance.now();
      const view = await orch.provision({
        id: `bench-claim-${i}`,
        attemptId: `a-${i}`,
        levelId: LEVEL,
        seed: `s-${i}`,
      });
      sequential.push(performance.now() - t0);
      if (view.fromWarmPool) fromPool++;
      await orch.destroy(view.id);
      console.log(`claim ${i + 1}/${CLAIMS}: ${Math.round(sequential.at(-1) ?? 0)} ms`);
    }
    console.log(`${uptime()}`);

    await orch.fillPools();
    while (ready() < Math.min(BURST, POOL)) await sleep(500);
    const burst: number[] = [];
    const t1 = performance.now();
    const views = await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const v = await orch.provision({ id: `bench-burst-${i}`, attemptId: `b-${i}`, levelId: LEVEL, seed: `b-${i}` });
        burst.push(performance.now() - t1);
        return v;
      }),
    );
    const burstFromPool = views.filter((v) => v.fromWarmPool).length;
    for (const v of views) await orch.destroy(v.id);
    const result = {
      level: LEVEL,
      envMb,
      sequential: summary(sequential),
      fromPool: `${fromPool} of ${CLAIMS}`,
      burst: summary(burst),
      burstFromPool: `${burstFromPool} of ${BURST}`,
      uptime: uptime(),
    };
    console.log(JSON.stringify(result, null, 2));
    saveResult("pool-claim", result);
  } finally {
    await orch.drainPools();
    await orch.stop();
  }
}

await main();
// Open handles (the engine's event stream) would keep the process alive after the results are written.
process.exit(0);
