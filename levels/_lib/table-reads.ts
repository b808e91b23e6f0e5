/**
 * How many rows of public.products an app really read, from the database's own statistics (a check's
 * pinned SQL): whatever SQL the app sends (a code fix no check can EXPLAIN), a query that reads the
 * whole table, or walks a whole index, shows here as ~1.2 million rows.
 */
import type { Observe } from "../_sdk";
import { sleep } from "./shell";

export interface ReadCounters {
  /** Scans started on the table or its indexes (a query starts at least one). */
  scans: number;
  /** Rows read by sequential scans plus index entries read by every index of the table. */
  rows: number;
  /** When the database's statistics were last reset (changes if someone resets them). */
  resetAt: string;
  /** Whether the server counts reads at all (track_counts). */
  counting: boolean;
}

const COUNTERS_SQL = `
  SELECT (t.seq_scan + coalesce(t.idx_scan, 0))::text AS scans,
         (t.seq_tup_read + coalesce((SELECT sum(i.idx_tup_read) FROM pg_catalog.pg_stat_all_indexes i
                                      WHERE i.relid = t.relid), 0))::text AS rows,
         coalesce((SELECT d.stats_reset::text FROM pg_catalog.pg_stat_database d
                    WHERE d.datname = pg_catalog.current_database()), '') AS reset_at,
         pg_catalog.current_setting('track_counts') AS counting
    FROM pg_catalog.pg_stat_all_tables t
   WHERE t.relid = (SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relname = 'products' AND c.relkind IN ('r', 'p'))`;

/**
 * Let statements that were already running finish before counting (a request from before a fix,
 * still scanning, would report its rows inside the window): wait until no other session's statement
 * started before now is active (at most `maxMs`), plus a moment for its counts to be published.
 */
export async function drainRunning(observe: Pick<Observe, "sql">, maxMs = 10_000): Promise<void> {
  const [row] = await observe.sql("SELECT pg_catalog.clock_timestamp()::text AS t");
  const since = String(row?.t);
  const deadline = Date.now() + maxMs;
  for (;;) {
    const [busy] = await observe.sql(
      `SELECT count(*)::text AS n FROM pg_catalog.pg_stat_activity
        WHERE datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()
          AND state = 'active' AND usename <> 'firedrill_check' AND query_start < $1::timestamptz`,
      [since],
    );
    if (Number(busy?.n) === 0 || Date.now() > deadline) break;
    await sleep(300);
  }
  await sleep(1200);
}

export async function readCounters(observe: Pick<Observe, "sql">): Promise<ReadCounters | null> {
  const [row] = await observe.sql(COUNTERS_SQL);
  if (!row) return null;
  return {
    scans: Number(row.scans),
    rows: Number(row.rows),
    resetAt: String(row.reset_at),
    counting: row.counting === "on",
  };
}

export type ReadsVerdict =
  | { kind: "measured"; rowsPerQuery: number; rows: number }
  | { kind: "reset" }
  | { kind: "no-trace" }
  | { kind: "no-table" };

/**
 * Counters before the queries, then poll (a backend publishes its counts when it goes idle, within
 * about a second) until at least `queries` scans show, or `waitMs` passes.
 */
export async function readsSince(
  observe: Pick<Observe, "sql">,
  before: ReadCounters,
  queries: number,
  waitMs = 8000,
): Promise<ReadsVerdict> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = await readCounters(observe);
    if (!now) return { kind: "no-table" };
    if (now.resetAt !== before.resetAt || now.scans < before.scans || now.rows < before.rows) return { kind: "reset" };
    const scans = now.scans - before.scans;
    // Per scan started (other customers' requests count too: in a broken shop they are as costly).
    if (scans >= queries)
      return { kind: "measured", rowsPerQuery: (now.rows - before.rows) / scans, rows: now.rows - before.rows };
    if (Date.now() > deadline) return { kind: "no-trace" };
    await sleep(400);
  }
}

/** A query that reads more than this many rows is reading (most of) the 1.2 million-row table. */
export const MAX_ROWS_PER_QUERY = 25_000;
