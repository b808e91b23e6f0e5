/** The app's search, as the level's users type it and as the database runs it. */
import { randomInt } from "node:crypto";
import { SEARCH_COUNT_SQL, searchPattern } from "../_stack/app/src/products-query";

/** The index the fault drops, e.g. products_name_trgm_idx (created by migration 0004). */
export function indexName(column: string): string {
  return `products_${column}_trgm_idx`;
}

/** Params hold terms URL-ready ("oak+lamp"); the app sees "oak lamp". */
export function searchTerm(param: string): string {
  return decodeURIComponent(param.replace(/\+/g, " "));
}

// Words of the seeded product names ("Rustic Oak Lamp 512"): any material + noun pair matches ~700 products.
const MATERIALS = ["steel", "walnut", "bamboo", "cotton", "wool", "leather", "marble", "brass", "glass", "ceramic"];
const NOUNS = ["chair", "table", "mug", "bottle", "speaker", "mirror", "clock", "vase", "tent", "wallet", "drum"];

/**
 * A term nobody could prepare for (a fresh one per call): a cache, a partial index or a canned
 * answer made for the level's own term does not help it.
 */
export function randomTerm(avoid: string): string {
  for (;;) {
    const term = `${MATERIALS[randomInt(MATERIALS.length)]} ${NOUNS[randomInt(NOUNS.length)]}`;
    if (term !== avoid) return term;
  }
}

/** The app's search query on the real table (public.products, whatever a search_path says). */
const ON_TABLE = SEARCH_COUNT_SQL.replace(/\bFROM products\b/, "FROM public.products");

/**
 * EXPLAIN of the app's count query with the term's pattern inlined as a literal, so the plan is the
 * custom plan the app gets for that value (terms come from the level's params and the list above).
 */
export function explainSql(term: string): string {
  const literal = `'${searchPattern(term).replace(/'/g, "''")}'`;
  return `EXPLAIN (FORMAT JSON, VERBOSE) ${ON_TABLE.replace(/\$1/g, literal)}`;
}

/** The database's own count for a search, the pattern bound as $1 (to compare with the app's total). */
export const COUNT_SQL = ON_TABLE;

export { searchPattern };

interface PlanNode {
  "Node Type"?: string;
  "Relation Name"?: string;
  Schema?: string;
  "Index Name"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

export interface ProductsAccess {
  /** Some node reads rows one by one and tests the ILIKE on each (Seq Scan, or a filter over a whole index). */
  fullScan: boolean;
  /** Indexes the plan reads. */
  indexes: string[];
}

function planRoots(plan: unknown): PlanNode[] {
  const roots = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
  return roots.map((r) => r.Plan);
}

function walk(nodes: PlanNode[], visit: (node: PlanNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walk(node.Plans ?? [], visit);
  }
}

/**
 * How the plan reads products: "index" only when no node, on any table, scans rows one by one
 * (Seq Scan) or tests the ILIKE as a row filter (a full index scan with a filter is a full scan too).
 */
export function productsAccess(plan: unknown): ProductsAccess {
  const indexes: string[] = [];
  let fullScan = false;
  walk(planRoots(plan), (node) => {
    if (node["Node Type"] === "Seq Scan" || node.Filter?.includes("~~*")) fullScan = true;
    if (node["Index Name"] && !indexes.includes(node["Index Name"])) indexes.push(node["Index Name"]);
  });
  return { fullScan, indexes };
}

/** Tables the plan reads, schema-qualified as EXPLAIN VERBOSE names them (a view shows its base table). */
export function planRelations(plan: unknown): string[] {
  const out = new Set<string>();
  walk(planRoots(plan), (node) => {
    if (node["Relation Name"]) out.add(`${node.Schema ?? "?"}.${node["Relation Name"]}`);
  });
  return [...out];
}
