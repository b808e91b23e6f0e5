/**
 * A session left "idle in transaction" holds an ACCESS EXCLUSIVE lock; then a
 * deploy ships a migration on the same table and restarts the app, which
 * waits for that lock before it listens.
 */
import type { LevelContext } from "../_sdk";
import { queryRows } from "../_lib/psql";
import { mustExec, waitFor } from "../_lib/shell";
import { migrationVersion } from "./migration";

export default async function fault(ctx: LevelContext): Promise<void> {
  const { table, column, job, ticket } = ctx.params;
  const script = `/var/lib/postgresql/${job}-${table}.sql`;

  ctx.log(`opening a ${job} session that locks ${table}`);
  await mustExec(
    ctx,
    "db",
    [
      `cat > ${script} <<'SQL'`,
      `-- ${job} on ${table} before the 1.5.0 deploy (OPS-${ticket}); run by hand, commit when done.`,
      `BEGIN;`,
      `LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE;`,
      `SQL`,
      `cd /var/lib/postgresql`,
      // `sleep infinity` keeps psql's stdin open: the session stays idle in its transaction.
      `setsid sh -c '(cat ${script}; exec sleep infinity) | PGAPPNAME=${job} exec psql -X -q -d shop' >/dev/null 2>&1 </dev/null &`,
    ].join("\n"),
    { user: "postgres" },
  );
  const locked = await waitFor(async () => {
    const rows = await queryRows(
      ctx,
      `SELECT count(*) FROM pg_locks WHERE relation = '${table}'::regclass AND mode = 'AccessExclusiveLock' AND granted`,
      { timeoutMs: 30_000 },
    );
    return rows[0]?.[0] === "1" ? true : undefined;
  }, 30_000);
  if (!locked) throw new Error(`the ${job} session did not lock ${table}`);

  const version = migrationVersion(String(column), String(table));
  ctx.log(`deploying migration ${version} and restarting the app`);
  await mustExec(
    ctx,
    "app",
    [
      `cat > /srv/app/migrations/${version}.sql <<'SQL'`,
      `-- 1.5.0: ${table}.${column}, for the new partner import.`,
      `ALTER TABLE ${table} ADD COLUMN ${column} text;`,
      `SQL`,
      `chmod 644 /srv/app/migrations/${version}.sql`,
      `sv restart app >/dev/null`,
    ].join("\n"),
  );
  const waiting = await waitFor(async () => {
    const rows = await queryRows(
      ctx,
      `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'shop-app' AND wait_event_type = 'Lock'`,
      { timeoutMs: 30_000 },
    );
    return Number(rows[0]?.[0] ?? 0) > 0 ? true : undefined;
  }, 60_000); // the app's boot takes seconds on a busy host
  if (!waiting) throw new Error(`the app did not start waiting for the lock on ${table}`);
}
