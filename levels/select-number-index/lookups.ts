/**
 * The three quick lookups this level can break (params.lookup): what a customer asks for, the
 * app's shipped query (its shape, for EXPLAIN) and the database's own answer (the truth the app's
 * answer is compared with), and a fresh key per check so no cache or canned answer can prepare.
 */
import { randomInt } from "node:crypto";
import type { Observe } from "../_sdk";
import { ARRIVALS_COUNT_SQL, ARRIVALS_PAGE_SIZE, BY_NUMBER_SQL, BY_SKU_SQL } from "../_stack/app/src/lookup-queries";

export type LookupKind = "by-sku" | "by-number" | "arrivals";
export const LOOKUP_KINDS: LookupKind[] = ["by-sku", "by-number", "arrivals"];

export function lookupKind(param: unknown): LookupKind {
  const kind = String(param) as LookupKind;
  if (!LOOKUP_KINDS.includes(kind)) throw new Error(`unknown lookup ${String(param)}`);
  return kind;
}

/** What customers ask the app for, and how. */
export interface Lookup {
  keys: string[];
  path: string;
  /** What a customer asked, in a message: 'the SKUs "c90-0500000, …"'. */
  label: string;
  /** Queries the app's shipped code runs for it (one per key; page and count for arrivals). */
  queries: number;
}

const PARAM: Record<LookupKind, string> = { "by-sku": "sku", "by-number": "number", arrivals: "day" };

export function lookupPath(kind: LookupKind, keys: string[]): string {
  return `/api/products/${kind}?${PARAM[kind]}=${keys.map(encodeURIComponent).join(",")}`;
}

const PRODUCTS = 1_200_000;
const FIRST_DAY = Date.UTC(2022, 0, 1);
/** Seeded products were added from 2022-01-01 every 41 s, until 2023-07-24. */
const DAYS = Math.floor((PRODUCTS * 41) / 86_400);
/** Keys per lookup the check asks for (customers paste a few). */
const KEYS = 3;

/** A day well into the catalogue (days near its start are found early even by a full scan). */
export function randomDay(): string {
  const day = 120 + randomInt(DAYS - 125);
  return new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
}

/** Customers type SKUs in any case: lower case, or with a capital first letter. */
function customerCase(sku: string): string {
  const lower = sku.toLowerCase();
  return randomInt(2) === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
}

export async function randomLookup(observe: Pick<Observe, "sql">, kind: LookupKind): Promise<Lookup> {
  let keys: string[];
  if (kind === "arrivals") keys = [randomDay()];
  else {
    const ids = Array.from({ length: KEYS }, () => String(1 + randomInt(PRODUCTS)));
    if (kind === "by-number") keys = ids;
    else {
      const rows = await observe.sql("SELECT sku FROM public.products WHERE id = ANY($1::bigint[]) ORDER BY id", [
        `{${ids.join(",")}}`,
      ]);
      keys = rows.map((r) => customerCase(String(r.sku)));
      if (keys.length === 0) throw new Error("no SKUs found for random products");
    }
  }
  const what = kind === "by-sku" ? "the SKUs" : kind === "by-number" ? "product numbers" : "the new arrivals of";
  return {
    keys,
    path: lookupPath(kind, keys),
    label: `${what} ${keys.join(", ")}`,
    queries: kind === "arrivals" ? 2 : keys.length,
  };
}

/** The database's own answer: ids in the app's order (and the day's total for arrivals), from its indexes. */
export interface Truth {
  ids: string[];
  total?: number;
}

const ARRIVALS_RANGE = `created_at >= $1::date::timestamp AT TIME ZONE 'UTC'
                    AND created_at < ($1::date + 1)::timestamp AT TIME ZONE 'UTC'`;

export async function truthFor(observe: Pick<Observe, "sql">, kind: LookupKind, keys: string[]): Promise<Truth> {
  if (kind === "arrivals") {
    const page = await observe.sql(
      `SELECT id::text AS product FROM public.products WHERE ${ARRIVALS_RANGE} ORDER BY created_at, id LIMIT ${ARRIVALS_PAGE_SIZE}`,
      [keys[0] ?? ""],
    );
    const [count] = await observe.sql(`SELECT count(*)::text AS n FROM public.products WHERE ${ARRIVALS_RANGE}`, [
      keys[0] ?? "",
    ]);
    return { ids: page.map((r) => String(r.product)), total: Number(count?.n) };
  }
  const sql =
    kind === "by-sku"
      ? "SELECT id::text AS product FROM public.products WHERE sku = pg_catalog.upper($1) ORDER BY id"
      : "SELECT id::text AS product FROM public.products WHERE id = $1::bigint";
  const ids: string[] = [];
  for (const key of keys) ids.push(...(await observe.sql(sql, [key])).map((r) => String(r.product)));
  return { ids };
}

/** The app's shipped query on the real table, the key inlined as a literal (the plan the app gets). */
export function explainShippedSql(kind: LookupKind, key: string): string {
  const shipped = kind === "by-sku" ? BY_SKU_SQL : kind === "by-number" ? BY_NUMBER_SQL : ARRIVALS_COUNT_SQL;
  const literal = `'${key.replace(/'/g, "''")}'`;
  return `EXPLAIN (FORMAT JSON) ${shipped.replace(/\bFROM products\b/, "FROM public.products").replace(/\$1/g, literal)}`;
}

interface PlanNode {
  "Node Type"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

/** The shipped query's plan finds rows through an index condition and never scans the table. */
export function planUsesIndex(plan: unknown): boolean {
  const roots = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
  let seq = false;
  let cond = false;
  const walk = (node: PlanNode) => {
    if (node["Node Type"] === "Seq Scan") seq = true;
    if (node["Index Name"] && node["Index Cond"]) cond = true;
    (node.Plans ?? []).forEach(walk);
  };
  roots.forEach((r) => walk(r.Plan));
  return cond && !seq;
}
