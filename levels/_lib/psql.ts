/**
 * SQL in the db instance as the `postgres` superuser (so pg_stat_activity shows
 * every session), through psql: unaligned, tuples only, `|`-separated.
 */
import type { ExecResult, LevelContext } from "../_sdk";

export async function psql(ctx: LevelContext, sql: string, opts: { timeoutMs?: number } = {}): Promise<ExecResult> {
  if (/^FIREDRILL_SQL$/m.test(sql)) throw new Error("the SQL contains the heredoc marker");
  const script = `psql -X -A -t -q -v ON_ERROR_STOP=1 -d shop <<'FIREDRILL_SQL'\n${sql}\nFIREDRILL_SQL`;
  return ctx.exec("db", script, { user: "postgres", timeoutMs: opts.timeoutMs ?? 15_000 });
}

/** Rows of a query as arrays of strings; throws when psql fails. */
export async function queryRows(
  ctx: LevelContext,
  sql: string,
  opts: { timeoutMs?: number } = {},
): Promise<string[][]> {
  const result = await psql(ctx, sql, opts);
  if (result.exitCode !== 0) throw new Error(`psql failed: ${(result.stderr || result.stdout).trim().split("\n")[0]}`);
  return result.stdout
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => line.split("|"));
}
