/**
 * The sorted catalogue as customers walk it (GET /api/catalogue?sort=&page=, each answer linking the next
 * page, whatever form the link takes: a page number or a keyset cursor) and the database's own order.
 */
import type { Observe } from "../_sdk";
import { readIds } from "../_lib/product-list";
import { get, type Side } from "../_lib/sides";

export type SortKey = "price" | "newest" | "brand";
export const SORTS: SortKey[] = ["price", "newest", "brand"];

export function sortKey(param: unknown): SortKey {
  const sort = String(param) as SortKey;
  if (!SORTS.includes(sort)) throw new Error(`unknown sort ${String(param)}`);
  return sort;
}

export const SORT_LABEL: Record<SortKey, string> = {
  price: "price (lowest first)",
  newest: "newest first",
  brand: "brand and department",
};

/**
 * Total orders that are right for each sort: the customer's order, then the product id so equal keys
 * always come in the same order. For brand, either id direction is a fine tiebreaker.
 */
const ORDERS: Record<SortKey, string[]> = {
  price: ["price_cents, id"],
  newest: ["created_at DESC, id DESC"],
  brand: ["brand, category, id", "brand, category, id DESC"],
};

export const pagePath = (sort: SortKey, page: number): string => `/api/catalogue?sort=${sort}&page=${page}`;
export const PAGE_SIZE = 20;
/** The deep page crawlers and "jump to the end" request. */
export const DEEP_PAGE = 20_000;

export interface Walk {
  ids: string[];
  requests: number;
  /** What went wrong, said as a customer would. */
  problem?: string;
  timedOut?: boolean;
}

/** Open `start`, then follow each answer's `next` link until `pages` pages are read. */
export async function walk(
  observe: Pick<Observe, "http" | "direct">,
  side: Side,
  start: string,
  pages: number,
  timeoutMs: number,
): Promise<Walk> {
  const ids: string[] = [];
  let path: string | null = start;
  let requests = 0;
  for (let i = 0; i < pages && path; i++) {
    const res = await get(observe, side, path, timeoutMs);
    requests++;
    const answer = readIds(res);
    if (answer.timedOut) return { ids, requests, timedOut: true, problem: `${path} got no answer in time` };
    if (!answer.ids) return { ids, requests, problem: `${path} answers ${answer.status || "nothing"}, not products` };
    if (answer.ids.length !== PAGE_SIZE)
      return { ids, requests, problem: `${path} lists ${answer.ids.length} products, not ${PAGE_SIZE}` };
    ids.push(...answer.ids);
    path = nextLink(res.body);
    if (i < pages - 1 && !path) return { ids, requests, problem: `${start} leads to no next page` };
  }
  return { ids, requests };
}

/** The answer's link to the next page: a path of the catalogue on this host (nothing else is followed). */
export function nextLink(body: string): string | null {
  try {
    const next = (JSON.parse(body) as { next?: unknown }).next;
    return typeof next === "string" && next.startsWith("/api/catalogue?") ? next : null;
  } catch {
    return null;
  }
}

/** The ids the database's own order puts at `offset`, for each acceptable order of the sort. */
export async function truthPages(
  observe: Pick<Observe, "sql">,
  sort: SortKey,
  offset: number,
  limit: number,
): Promise<string[][]> {
  const out: string[][] = [];
  for (const order of ORDERS[sort]) {
    const rows = await observe.sql(
      `SELECT id::text AS product FROM public.products ORDER BY ${order} OFFSET $1::bigint LIMIT $2::bigint`,
      [String(offset), String(limit)],
    );
    out.push(rows.map((r) => String(r.product)));
  }
  return out;
}

/** How a walk differs from the database's order, as a customer would notice it. */
export function compareWalk(got: string[], truths: string[][]): string | null {
  if (truths.some((t) => t.join(",") === got.join(","))) return null;
  const seen = new Set<string>();
  for (const id of got) {
    if (seen.has(id)) return `shows product ${id} twice`;
    seen.add(id);
  }
  const truth = truths[0] ?? [];
  const missing = truth.filter((id) => !seen.has(id));
  if (missing.length > 0) return `never shows product ${missing[0]} (and ${missing.length - 1} more) where it belongs`;
  return "lists the products in another order than the one picked";
}
