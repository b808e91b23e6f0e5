/** Shared bits for the orchestrator benchmarks: an orchestrator on the real levels, percentiles, results. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { createOrchestrator, type OrchestratorOptions } from "../../orchestrator/service";

export const ROOT = resolve(import.meta.dirname, "../..");

export function benchOrchestrator(opts: OrchestratorOptions = {}) {
  return createOrchestrator({
    dataDir: mkdtempSync(join(tmpdir(), "fd-bench-")),
    levelsDir: process.env.LEVELS_DIR ?? join(ROOT, "levels"),
    warmPool: 0,
    poolFloor: 0,
    reconcileSeconds: 3600,
    log: process.env.BENCH_LOG ? (l, m) => console.error(`[${l}] ${m}`) : () => undefined,
    ...opts,
  });
}

/** The level to measure: BENCH_LEVEL, or the first level of the catalogue. */
export function pickLevel(levels: { id: string }[]): string {
  const wanted = process.env.BENCH_LEVEL;
  const id = wanted ?? levels[0]?.id;
  if (!id || !levels.some((l) => l.id === id)) throw new Error(`no level ${wanted ?? ""} in the catalogue`);
  return id;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function summary(values: number[]): { n: number; p50: number; p95: number; max: number; mean: number } {
  const n = values.length;
  return {
    n,
    p50: Math.round(percentile(values, 50)),
    p95: Math.round(percentile(values, 95)),
    max: Math.round(values.reduce((m, v) => Math.max(m, v), -Infinity)), // no spread: n may be 100 000s
    mean: Math.round(values.reduce((a, b) => a + b, 0) / Math.max(1, n)),
  };
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
}

export function saveResult(name: string, data: unknown): void {
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(
    join(ROOT, "bench/results", `${name}.json`),
    JSON.stringify({ at: new Date().toISOString(), machine: machine(), ...(data as object) }, null, 2),
  );
}
