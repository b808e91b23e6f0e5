/**
 * The quick lookups (SHOP-2291) shipped with the app; last week the DBA added the index each one
 * "needs" (products.sku for the SKU box, products.created_at for new arrivals; product numbers have
 * the primary key). The indexes exist, yet the app's queries compare in a way the planner cannot
 * serve from them (lower(sku), id = $1::numeric, created_at::date), so every lookup reads the whole
 * catalogue. The fault only adds the indexes and fresh statistics: the query is the app's own.
 */
import type { LevelContext } from "../_sdk";
import { psql } from "../_lib/psql";
import { lookupKind } from "./lookups";

const INDEX: Record<string, string> = {
  "by-sku": "CREATE INDEX IF NOT EXISTS products_sku_idx ON products (sku);",
  arrivals: "CREATE INDEX IF NOT EXISTS products_created_at_idx ON products (created_at);",
  "by-number": "",
};

export default async function fault(ctx: LevelContext): Promise<void> {
  const kind = lookupKind(ctx.params.lookup);
  ctx.log(`quick lookup ${kind}: adding its index, the app's query stays as shipped`);
  const sql = `SET maintenance_work_mem = '64MB'; ${INDEX[kind]} ANALYZE products;`;
  const res = await psql(ctx, sql, { timeoutMs: 120_000 });
  if (res.exitCode !== 0) throw new Error(`could not prepare the lookup's index: ${res.stderr.trim()}`);
}
