/** The connection pool to PostgreSQL (DATABASE_URL). */
import pg from "pg";
import type { Logger } from "./log";

export type Pool = pg.Pool;

export function createPool(databaseUrl: string, log: Logger): Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    application_name: "shop-app",
    max: 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (err) => log.error(`database connection lost: ${err.message}`));
  return pool;
}

/** Wait until the database answers, retrying every second (it may still be starting). */
export async function waitForDatabase(pool: Pool, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query("SELECT 1");
      if (attempt > 1) log.info("database is reachable");
      return;
    } catch (err) {
      if (attempt === 1 || attempt % 10 === 0)
        log.warn(`database not reachable yet (${(err as Error).message}); retrying`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
