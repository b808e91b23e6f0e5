/**
 * The sorted catalogue (GET /api/catalogue?sort=, shipped with the app) orders by columns no index
 * covers and pages by OFFSET. The fault makes sure of it for this attempt's sort (a leftover index
 * from an earlier experiment is dropped) and refreshes the statistics; then a partner's feed and
 * customers' "last page" clicks ask for pages in the tens of thousands.
 */
import type { LevelContext } from "../_sdk";
import { psql } from "../_lib/psql";
import { sortKey } from "./pages";

export default async function fault(ctx: LevelContext): Promise<void> {
  const sort = sortKey(ctx.params.sort);
  ctx.log(`catalogue sorted by ${sort}: no index for the sort, pages by OFFSET`);
  const sql = `DROP INDEX IF EXISTS products_catalogue_${sort}_idx; ANALYZE products;`;
  const res = await psql(ctx, sql, { timeoutMs: 120_000 });
  if (res.exitCode !== 0) throw new Error(`could not prepare the catalogue: ${res.stderr.trim()}`);
}
