/** A product list as a customer gets it (a JSON page with `items`): the ids it lists, in order, and its `total`. */
import type { HttpResult } from "../_sdk";

export interface ListAnswer {
  status: number;
  ms: number;
  timedOut: boolean;
  /** Product ids in the answer's order; null when it is not a product list. */
  ids: string[] | null;
  /** The answer's `total`, when it has one. */
  total?: number;
}

export function readIds(res: HttpResult): ListAnswer {
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
