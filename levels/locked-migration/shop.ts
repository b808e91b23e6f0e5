/**
 * The shop as a customer sees it: the first page of the product list, through the proxy
 * and straight from the app (both sides of the hop), compared with the products the
 * database really holds. A canned answer, or a stand-in server on port 3000, lists
 * products that do not match.
 */
import type { Observe } from "../_sdk";
import { requestJson, type HttpTarget } from "../_lib/http";

export const LIST_PATH = "/api/products?page=1";
export type Side = "proxy" | "app";

export const sideName = (side: Side): string => (side === "proxy" ? "through the proxy" : "at the app (port 3000)");

function target(observe: Pick<Observe, "http" | "direct">, side: Side): HttpTarget {
  return side === "proxy" ? observe : { http: (path, init) => observe.direct("app", 3000, path, init) };
}

export interface ListAnswer {
  status: number;
  ms: number;
  /** "id sku" of each listed product, or null when the answer is not a product list. */
  items: string[] | null;
  /** No answer before the deadline (a busy machine, or a server that never answers). */
  timedOut: boolean;
}

export async function productList(
  observe: Pick<Observe, "http" | "direct">,
  side: Side,
  timeoutMs: number,
): Promise<ListAnswer> {
  const res = await requestJson(target(observe, side), LIST_PATH, { timeoutMs });
  const items = res.json?.items;
  const timedOut = res.status === 0 && /timeout|timed out/i.test(res.body);
  if (res.status !== 200 || !Array.isArray(items)) return { status: res.status, ms: res.ms, items: null, timedOut };
  return {
    status: res.status,
    ms: res.ms,
    timedOut,
    items: items.map((i: unknown) => {
      const p = (i ?? {}) as { id?: unknown; sku?: unknown };
      return `${String(p.id)} ${String(p.sku)}`;
    }),
  };
}

/** The first page as the database holds it ("id sku", by id), or null when public.products is not a real table. */
export async function firstPage(observe: Pick<Observe, "sql">, size: number): Promise<string[] | null> {
  const [kind] = await observe.sql(
    `SELECT c.relkind::text AS kind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = 'products'`,
  );
  if (kind?.kind !== "r" && kind?.kind !== "p") return null;
  const rows = await observe.sql(`SELECT id, sku FROM public.products ORDER BY id LIMIT $1`, [size]);
  return rows.map((r) => `${r.id} ${r.sku}`);
}

/** Same products in the same order, and a full page. */
export function sameProducts(listed: string[] | null, real: string[] | null): boolean {
  return (
    !!listed && !!real && real.length > 0 && listed.length === real.length && listed.every((x, i) => x === real[i])
  );
}
