/**
 * The live SLI: outcomes of the last 10 seconds summarised once a second,
 * with a history of the last 30 minutes. Pure (time is passed in).
 */
import type { SliSample } from "../../lib/contracts/orchestrator-api";

export interface Outcome {
  at: number;
  ms: number;
  ok: boolean;
  reason?: string;
}

export const WINDOW_MS = 10_000;
export const HISTORY_SAMPLES = 30 * 60;

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? null;
}

export class SliWindow {
  private outcomes: Outcome[] = [];
  private readonly history: SliSample[] = [];

  constructor(
    private readonly windowMs = WINDOW_MS,
    private readonly historySize = HISTORY_SAMPLES,
  ) {}

  add(o: Outcome): void {
    this.outcomes.push(o);
  }

  /** Summarise the window ending at `now`, append to the history and return the sample. */
  sample(now: number): SliSample {
    this.outcomes = this.outcomes.filter((o) => o.at > now - this.windowMs && o.at <= now);
    const n = this.outcomes.length;
    const failures = this.outcomes.filter((o) => !o.ok);
    const latencies = this.outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const counts = new Map<string, number>();
    for (const f of failures) counts.set(f.reason ?? "failed", (counts.get(f.reason ?? "failed") ?? 0) + 1);
    let lastError: string | null = null;
    let best = 0;
    for (const [reason, count] of counts) {
      if (count > best) {
        best = count;
        lastError = reason;
      }
    }
    const s: SliSample = {
      at: new Date(now).toISOString(),
      successRate: n === 0 ? null : (n - failures.length) / n,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      requests: n,
      failures: failures.length,
      lastError,
    };
    this.history.push(s);
    if (this.history.length > this.historySize) this.history.splice(0, this.history.length - this.historySize);
    return s;
  }

  current(): SliSample | undefined {
    return this.history[this.history.length - 1];
  }

  samples(): SliSample[] {
    return [...this.history];
  }
}
