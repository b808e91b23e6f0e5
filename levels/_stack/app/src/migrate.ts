/**
 * Schema migrations, run at boot before the app starts listening: every
 * NNNN_name.sql file in MIGRATIONS_DIR not yet recorded in schema_migrations is
 * applied in its own transaction, in file-name order.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Pool } from "./db";
import type { Logger } from "./log";

export const MIGRATIONS_TABLE = "schema_migrations";

export async function runMigrations(pool: Pool, dir: string, log: Logger): Promise<void> {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const applied = new Set(
    (await pool.query<{ version: string }>(`SELECT version FROM ${MIGRATIONS_TABLE}`)).rows.map((r) => r.version),
  );
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  const pending = files.filter((f) => !applied.has(f.replace(/\.sql$/, "")));
  log.info(
    `migrations: ${applied.size} applied, ${pending.length} pending${pending.length ? ` (${pending.join(", ")})` : ""}`,
  );

  for (const file of pending) {
    const version = file.replace(/\.sql$/, "");
    const started = Date.now();
    log.info(`applying migration ${version}`);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(readFileSync(join(dir, file), "utf8"));
      await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version) VALUES ($1)`, [version]);
      await client.query("COMMIT");
      log.info(`applied migration ${version} in ${Date.now() - started} ms`);
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw new Error(`migration ${version} failed: ${(err as Error).message}`);
    } finally {
      client.release();
    }
  }
}
