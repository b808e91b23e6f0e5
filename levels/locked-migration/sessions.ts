/** Sessions that keep the shop's database stuck, seen from the catalog (the check's pinned SQL). */
import type { Observe } from "../_sdk";

export interface StuckSessions {
  /** Sessions waiting for a lock another session holds. */
  waiting: number;
  /** Sessions that opened a transaction more than 10 s ago and now sit idle inside it (holding its locks). */
  idleInTransaction: number;
}

export async function stuckSessions(observe: Pick<Observe, "sql">): Promise<StuckSessions> {
  const [row] = await observe.sql(
    `SELECT
       (SELECT count(*) FROM pg_catalog.pg_stat_activity a
         WHERE a.datname = 'shop'
           AND (pg_catalog.cardinality(pg_catalog.pg_blocking_pids(a.pid)) > 0
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_locks l WHERE l.pid = a.pid AND NOT l.granted)))::text AS waiting,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity a
         WHERE a.datname = 'shop' AND a.pid <> pg_catalog.pg_backend_pid()
           AND a.state LIKE 'idle in transaction%'
           AND a.xact_start < pg_catalog.now() - interval '10 seconds')::text AS idle`,
  );
  return { waiting: Number(row?.waiting ?? 0), idleInTransaction: Number(row?.idle ?? 0) };
}

export const isStuck = (s: StuckSessions): boolean => s.waiting > 0 || s.idleInTransaction > 0;
