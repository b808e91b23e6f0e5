/** How the database plans the app's search, read through the check's pinned SQL (role/db planner settings undone). */
import type { Observe } from "../_sdk";
import { explainSql, planRelations, productsAccess } from "./search";

export interface PlanReading {
  /** The plan reads products through indexes of the real table only. */
  indexed: boolean;
  /** public.products is a real table (not a view standing in for it). */
  realTable: boolean;
  indexes: string[];
}

/** Valid indexes of the real public.products. */
async function tableIndexes(observe: Pick<Observe, "sql">): Promise<{ realTable: boolean; names: Set<string> }> {
  const rows = await observe.sql(
    `SELECT t.relkind::text AS kind, i.relname AS index
       FROM pg_catalog.pg_class t
       JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_catalog.pg_index x ON x.indrelid = t.oid AND x.indisvalid AND x.indisready
       LEFT JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
      WHERE n.nspname = 'public' AND t.relname = 'products'`,
  );
  const realTable = rows.length > 0 && (rows[0]?.kind === "r" || rows[0]?.kind === "p");
  return { realTable, names: new Set(rows.map((r) => r.index).filter((x): x is string => !!x)) };
}

export async function readPlan(observe: Pick<Observe, "sql">, term: string): Promise<PlanReading> {
  const table = await tableIndexes(observe);
  const [row] = await observe.sql(explainSql(term));
  const plan = row ? Object.values(row)[0] : "[]";
  const access = productsAccess(plan);
  const relations = planRelations(plan);
  const indexed =
    table.realTable &&
    !access.fullScan &&
    access.indexes.length > 0 &&
    access.indexes.every((i) => table.names.has(i)) &&
    relations.every((r) => r === "public.products");
  return { indexed, realTable: table.realTable, indexes: access.indexes };
}
