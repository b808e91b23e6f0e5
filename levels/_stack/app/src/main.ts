/**
 * The shop app's entry point: read the configuration, wait for the database,
 * apply pending migrations, then listen. Bundled to /srv/app/dist/server.cjs.
 */
import { loadConfig } from "./config";
import { createPool, waitForDatabase } from "./db";
import { createLogger } from "./log";
import { startMailer } from "./mailer";
import { runMigrations } from "./migrate";
import { createServer } from "./server";

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  log.info(`shop ${config.version} starting (pid ${process.pid}, node ${process.version}, time zone ${zone})`);

  const pool = createPool(config.databaseUrl, log);
  await waitForDatabase(pool, log);
  await runMigrations(pool, config.migrationsDir, log);

  const server = createServer({ config, log, pool, startedAt: new Date() });
  server.listen(config.port, () => log.info(`listening on port ${config.port}`));
  startMailer(config.outboxDir, log);

  const stop = (signal: string) => {
    log.info(`${signal}: shutting down`);
    server.close();
    void pool.end().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`shop failed to start: ${message}\n`);
  try {
    createLogger(loadConfig(process.env)).error(`failed to start: ${message}`);
  } catch {
    // the configuration itself is broken; stderr has it
  }
  process.exit(1);
});
