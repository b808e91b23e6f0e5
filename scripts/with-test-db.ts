/**
 * Runs a command against a fresh, migrated test database:
 *   tsx scripts/with-test-db.ts <command> [args...]
 * Uses TEST_DATABASE_URL when set, otherwise an embedded PostgreSQL in .data/test.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { resetDatabase } from "./lib/reset-database";
import { say } from "./lib/say";

const [cmd, ...argv] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: tsx scripts/with-test-db.ts <command> [args...]");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
let embedded: EmbeddedDatabase | undefined;
let url = process.env.TEST_DATABASE_URL;
if (!url) {
  // TEST_DB_PORT lets several suites run side by side, each with its own cluster.
  const port = Number(process.env.TEST_DB_PORT ?? 54321);
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(root, ".data", port === 54321 ? "test" : `test-${port}`, "postgres"),
    port,
    database: "firedrill_test",
  });
  url = embedded.url;
}
await resetDatabase(url);
const result = await migrate(url, path.join(root, "prisma", "migrations"));
say(`test database ready (${result.applied.length} migrations applied)`);

const code = await new Promise<number>((resolve) => {
  const child = spawn(cmd, argv, {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: "test",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "test-secret-test-secret-test-secret-0",
      ORCHESTRATOR_SECRET: process.env.ORCHESTRATOR_SECRET ?? "test-orchestrator-secret-0123456789ab",
    },
  });
  child.on("exit", (c) => resolve(c ?? 1));
});
await embedded?.stop();
process.exit(code);
