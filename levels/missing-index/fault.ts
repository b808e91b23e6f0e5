/**
 * One of the trigram indexes that serve the product search is dropped (an
 * "unused index" cleanup gone wrong). The search's OR over name, SKU and brand
 * now needs all of products read for every query.
 */
import type { LevelContext } from "../_sdk";
import { psql } from "../_lib/psql";
import { indexName } from "./search";

export default async function fault(ctx: LevelContext): Promise<void> {
  const index = indexName(String(ctx.params.column));
  ctx.log(`dropping ${index}`);
  // A busy host (or a search holding the table) can make the DROP wait: allow it a minute.
  const res = await psql(ctx, `DROP INDEX ${index};`, { timeoutMs: 60_000 });
  if (res.exitCode !== 0) throw new Error(`could not drop ${index}: ${res.stderr.trim()}`);
}
