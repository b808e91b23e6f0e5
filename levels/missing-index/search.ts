/** The app's search, as the level's users type it and as the database runs it. */
import { SEARCH_COUNT_SQL, searchPattern } from "../_stack/app/src/products-query";

/** The index the fault drops, e.g. products_name_trgm_idx (created by migration 0004). */
export function indexName(column: string): string {
  return `products_${column}_trgm_idx`;
}

/** Params hold terms URL-ready ("oak+lamp"); the app sees "oak lamp". */
export function searchTerm(param: string): string {
  return decodeURIComponent(param.replace(/\+/g, " "));
}

/** The app's count query with the term inlined, for EXPLAIN (a custom plan, as the app gets). */
export function explainSql(term: string): string {
  const literal = `'${searchPattern(term).replace(/'/g, "''")}'`;
  return `EXPLAIN (FORMAT JSON) ${SEARCH_COUNT_SQL.replace(/\$1/g, literal)}`;
}

interface PlanNode {
  "Node Type"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

/** How the plan reads products: "index" only when no node scans it row by row with the ILIKE as a filter. */
export function productsAccess(planJson: string): { fullScan: boolean; indexes: string[] } {
  const parsed = JSON.parse(planJson) as { Plan: PlanNode }[];
  const indexes: string[] = [];
  let fullScan = false;
  const walk = (node: PlanNode) => {
    if (node["Relation Name"] === "products" || node["Index Name"]?.startsWith("products")) {
      if (node["Node Type"] === "Seq Scan" || node.Filter?.includes("~~*")) fullScan = true;
      if (node["Index Name"]) indexes.push(node["Index Name"]);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  for (const root of parsed) walk(root.Plan);
  return { fullScan, indexes };
}
