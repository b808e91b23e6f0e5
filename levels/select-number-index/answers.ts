/** A lookup as a customer gets it, through the proxy or straight from the app: the product ids it lists. */
import type { HttpResult, Observe } from "../_sdk";

export type Side = "proxy" | "app";
export const SIDES: Side[] = ["proxy", "app"];
export const sideName = (side: Side): string => (side === "proxy" ? "through the proxy" : "at the app (port 3000)");

export function get(observe: Pick<Observe, "http" | "direct">, side: Side, path: string, timeoutMs: number) {
  return side === "proxy" ? observe.http(path, { timeoutMs }) : observe.direct("app", 3000, path, { timeoutMs });
}

export interface LookupAnswer {
  status: number;
  ms: number;
  timedOut: boolean;
  /** Product ids in the answer's order; null when it is not a product list. */
  ids: string[] | null;
  /** The answer's `total`, when it has one. */
  total?: number;
}

export function readIds(res: HttpResult): LookupAnswer {
  const timedOut = res.status === 0 && /timeout|timed out/i.test(res.error ?? "");
  try {
    const json = JSON.parse(res.body) as { items?: unknown; total?: unknown };
    if (res.status !== 200 || !Array.isArray(json.items)) throw new Error("not a product list");
    const ids = json.items.map((i: unknown) => String((i as { id?: unknown } | null)?.id));
    const total = typeof json.total === "number" ? json.total : undefined;
    return { status: res.status, ms: res.ms, timedOut, ids, total };
  } catch {
    return { status: res.status, ms: res.ms, timedOut, ids: null };
  }
}
