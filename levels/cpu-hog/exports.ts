/**
 * Is the database busy exporting whole tables (a dump: `COPY … TO stdout`, what pg_dump sends)?
 * Read from pinned SQL (pg_catalog, the check's role), so a dump that is only slowed down (niced,
 * throttled with SIGSTOP/SIGCONT as cpulimit does, paused) still shows: its session stays open and
 * active in the database whatever its processes on the app instance are called or doing.
 */
import type { Observe } from "../_sdk";

const EXPORTS_SQL = `
  SELECT count(*)::int AS n
    FROM pg_catalog.pg_stat_activity a
   WHERE a.backend_type = 'client backend'
     AND a.state = 'active'
     AND a.pid <> pg_catalog.pg_backend_pid()
     AND a.query OPERATOR(pg_catalog.~*) '^\\s*copy\\s.*\\sto\\s+stdout'`;

/** How many table exports the database is serving right now. */
export async function runningExports(observe: Pick<Observe, "sql">): Promise<number> {
  const rows = await observe.sql(EXPORTS_SQL);
  return Number(rows[0]?.n ?? 0);
}
