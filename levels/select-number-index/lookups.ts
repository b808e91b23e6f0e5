/**
 * The three quick lookups this level can break (params.lookup): what a customer asks for, the
 * app's shipped query (its shape, for EXPLAIN) and the database's own answer (the truth the app's
 * answer is compared with), and a fresh key per check so no cache or canned answer can prepare.
 */
import { randomInt } from "node:crypto";
import type { Observe } from "../_sdk";
import { ARRIVALS_PAGE_SIZE, ARRIVALS_PAGE_SQL, BY_NUMBER_SQL, BY_SKU_SQL } from "../_stack/app/src/lookup-queries";

export type LookupKind = "by-sku" | "by-number" | "arrivals";
export const LOOKUP_KINDS: LookupKind[] = ["by-sku", "by-number", "arrivals"];

export function lookupKind(param: unknown): LookupKind {
  const kind = String(param) as LookupKind;
  if (!LOOKUP_KINDS.includes(kind)) throw new Error(`unknown lookup ${String(param)}`);
  return kind;
}

/** What customers ask the app for, and how. */
export interface Lookup {
  key: string;
  path: string;
  /** What a customer asked, in a message: 'the SKU "c90-0500000"'. */
  label: string;
}

export function lookupPath(kind: LookupKind, key: string): string {
  const name = kind === "by-sku" ? "sku" : kind === "by-number" ? "number" : "day";
  return `/api/products/${kind}?${name}=${encodeURIComponent(key)}`;
}

const PRODUCTS = 1_200_000;
const FIRST_DAY = Date.UTC(2022, 0, 1);
/** Seeded products were added from 2022-01-01 every 41 s, until 2023-07-24. */
const DAYS = Math.floor((PRODUCTS * 41) / 86_400);

/** A day well into the catalogue (days near its start are found early even by a full scan). */
export function randomDay(): string {
  const day = 120 + randomInt(DAYS - 125);
  return new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
}

/** Customers type SKUs in any case: half lower case, half with a capital first letter. */
function customerCase(sku: string): string {
  const lower = sku.toLowerCase();
  return randomInt(2) === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
}

export async function randomLookup(observe: Pick<Observe, "sql">, kind: LookupKind): Promise<Lookup> {
  const id = String(1 + randomInt(PRODUCTS));
  let key: string;
  if (kind === "by-number") key = id;
  else if (kind === "arrivals") key = randomDay();
  else {
    const [row] = await observe.sql("SELECT sku FROM public.products WHERE id = $1::bigint", [id]);
    if (!row?.sku) throw new Error(`product ${id} has no SKU`);
    key = customerCase(row.sku);
  }
  const what = kind === "by-sku" ? "the SKU" : kind === "by-number" ? "product number" : "new arrivals of";
  return { key, path: lookupPath(kind, key), label: `${what} "${key}"` };
}

/** The database's own answer (ids in the app's order), on the real table, through its indexes. */
const TRUTH_SQL: Record<LookupKind, string> = {
  "by-sku": "SELECT id::text AS id FROM public.products WHERE sku = pg_catalog.upper($1) ORDER BY id",
  "by-number": "SELECT id::text AS id FROM public.products WHERE id = $1::bigint",
  arrivals: `SELECT id::text AS id FROM public.products
              WHERE created_at >= $1::date::timestamp AT TIME ZONE 'UTC'
                AND created_at < ($1::date + 1)::timestamp AT TIME ZONE 'UTC'
              ORDER BY created_at, id LIMIT ${ARRIVALS_PAGE_SIZE}`,
};

export async function truthFor(observe: Pick<Observe, "sql">, kind: LookupKind, key: string): Promise<string[]> {
  const rows = await observe.sql(TRUTH_SQL[kind], [key]);
  return rows.map((r) => String(r.id));
}

/** The app's shipped query on the real table, the key inlined as a literal (the plan the app gets). */
export function explainShippedSql(kind: LookupKind, key: string): string {
  const shipped = kind === "by-sku" ? BY_SKU_SQL : kind === "by-number" ? BY_NUMBER_SQL : ARRIVALS_PAGE_SQL;
  const literal = `'${key.replace(/'/g, "''")}'`;
  return `EXPLAIN (FORMAT JSON) ${shipped
    .replace(/\bFROM products\b/, "FROM public.products")
    .replace(/\blower\(/g, "pg_catalog.lower(")
    .replace(/\$1/g, literal)
    .replace(/\$2/g, String(ARRIVALS_PAGE_SIZE))}`;
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
