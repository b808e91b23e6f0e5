/**
 * The search as a customer gets it, through the proxy and straight from the app, compared
 * with what the database itself holds for the term: the same first page, the same total.
 * A canned answer, a cache of one term or a copy of part of the table does not match.
 */
import type { HttpResult, Observe } from "../_sdk";
import { COUNT_SQL, searchPattern } from "./search";
import { PAGE_SIZE, SEARCH_PAGE_SQL } from "../_stack/app/src/products-query";

export type Side = "proxy" | "app";
export const SIDES: Side[] = ["proxy", "app"];
export const sideName = (side: Side): string => (side === "proxy" ? "through the proxy" : "at the app (port 3000)");

export const searchPath = (term: string): string => `/api/products?q=${encodeURIComponent(term)}`;
export const PLAIN_PATH = "/api/products?page=1";

export function get(observe: Pick<Observe, "http" | "direct">, side: Side, path: string, timeoutMs: number) {
  return side === "proxy" ? observe.http(path, { timeoutMs }) : observe.direct("app", 3000, path, { timeoutMs });
}

export interface SearchAnswer {
  status: number;
  ms: number;
  /** No answer before the deadline (on a busy machine: not a verdict). */
  timedOut: boolean;
  total: number | null;
  ids: string[] | null;
}

export function readAnswer(res: HttpResult): SearchAnswer {
  const timedOut = res.status === 0 && /timeout|timed out/i.test(res.error ?? "");
  try {
    const json = JSON.parse(res.body) as { total?: unknown; items?: unknown };
    if (res.status !== 200 || !Array.isArray(json.items)) throw new Error("not a product page");
    const ids = json.items.map((i: unknown) => String((i as { id?: unknown } | null)?.id));
    return { status: res.status, ms: res.ms, timedOut, total: Number(json.total), ids };
  } catch {
    return { status: res.status, ms: res.ms, timedOut, total: null, ids: null };
  }
}

export interface TruthForTerm {
  total: number;
  ids: string[];
}

/** What the database holds for the term: the app's first page (by id) and count, on the real table. */
export async function truthFor(observe: Pick<Observe, "sql">, term: string): Promise<TruthForTerm> {
  const pattern = searchPattern(term);
  const page = await observe.sql(
    SEARCH_PAGE_SQL.replace(/\bFROM products\b/, "FROM public.products").replace(/^SELECT .* FROM/, "SELECT id FROM"),
    [pattern, PAGE_SIZE, 0],
  );
  const [count] = await observe.sql(COUNT_SQL, [pattern]);
  return { total: Number(count?.total ?? -1), ids: page.map((r) => String(r.id)) };
}

export function matches(answer: SearchAnswer, truth: TruthForTerm): boolean {
  return (
    answer.total === truth.total &&
    !!answer.ids &&
    answer.ids.length === truth.ids.length &&
    answer.ids.every((id, i) => id === truth.ids[i])
  );
}
