/**
 * The baseline that tells "still broken" from "the host is too busy to judge": when a probe gets no
 * answer in time, ask for something cheap that works in a healthy and a broken shop alike. If even
 * that is slow, the check answers "could not judge" (unjudged) instead of "not fixed".
 */
import type { Observe } from "../_sdk";

export interface Baseline {
  /** The cheap request answered (any status) within `maxMs`. */
  answers: boolean;
  ms: number;
}

/** `path` through the proxy: "/nginx-health" (nginx alone) or "/api/products?page=1" (the app too). */
export async function baseline(observe: Observe, path: string, maxMs: number): Promise<Baseline> {
  const res = await observe.http(path, { timeoutMs: Math.max(maxMs * 3, 5000) });
  return { answers: res.status > 0 && res.ms <= maxMs, ms: res.ms };
}
