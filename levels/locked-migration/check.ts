/**
 * Fixed when: no session sits idle in a transaction or waits on a lock, the
 * deploy's migration is recorded, and the app, restarted once more, boots and
 * answers within 2 s.
 */
import type { LevelContext, Verdict } from "../_sdk";
import { formatMs, requestJson } from "../_lib/http";
import { queryRows } from "../_lib/psql";
import { mustExec, waitFor } from "../_lib/shell";
import { migrationVersion } from "./migration";

export default async function check(ctx: LevelContext): Promise<Verdict> {
  const version = migrationVersion(String(ctx.params.column), String(ctx.params.table));

  const read = async (): Promise<number[]> => {
    const [row] = await queryRows(
      ctx,
      `SELECT
         (SELECT count(*) FROM schema_migrations WHERE version = '${version}'),
         (SELECT count(*) FROM pg_stat_activity WHERE datname = 'shop' AND cardinality(pg_blocking_pids(pid)) > 0),
         (SELECT count(*) FROM pg_stat_activity WHERE datname = 'shop' AND pid <> pg_backend_pid()
            AND state LIKE 'idle in transaction%' AND xact_start < now() - interval '10 seconds')`,
    );
    return (row ?? []).map(Number);
  };
  let [applied, blocked, idle] = await read();
  if (applied !== 1 && !blocked && !idle) {
    // Nothing blocks any more, so the app's migration, freed a moment ago, may still be finishing: let it.
    const settled = await waitFor(
      async () => {
        const r = await read();
        return r[0] === 1 || r[1] || r[2] ? r : undefined;
      },
      10_000,
      500,
    );
    if (settled) [applied, blocked, idle] = settled;
  }
  if (applied !== 1 || blocked || idle) {
    const why = [
      applied !== 1 ? `migration ${version} is still not applied` : "",
      blocked ? `${blocked} session(s) are waiting for a lock` : "",
      idle ? `${idle} session(s) sit idle inside an open transaction` : "",
    ].filter(Boolean);
    return { passed: false, message: `The app cannot finish booting: ${why.join("; ")}.` };
  }

  ctx.log("restarting the app to prove it boots cleanly");
  await mustExec(ctx, "app", "sv restart app >/dev/null");
  const answered = await waitFor(
    async () => {
      const res = await requestJson(ctx, "/api/products?page=1", { timeoutMs: 2000 });
      const items = res.json?.items;
      return res.status === 200 && Array.isArray(items) && items.length > 0 && res.ms < 2000 ? res : undefined;
    },
    20_000,
    500,
  );
  if (!answered) {
    const last = await requestJson(ctx, "/api/products?page=1", { timeoutMs: 2000 });
    return {
      passed: false,
      message: `After a restart the app does not serve the product list (last answer: ${last.status || "none"} in ${formatMs(last.ms)}); see /var/log/app/app.log.`,
    };
  }
  return {
    passed: true,
    message: `Nothing holds a lock any more, ${version} is applied and the app answers after a restart (${formatMs(answered.ms)}).`,
  };
}
