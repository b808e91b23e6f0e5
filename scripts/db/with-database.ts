/**
 * Run a database task against DATABASE_URL, or against the embedded PostgreSQL
 * of the data folder: reused when `npm start` runs it, else started for the
 * task and stopped after.
 */
import path from "node:path";
import { postgresProcess } from "../../lib/db/postgres-process";
import { signalGroup } from "../lib/supervisor";

export const dataDirOf = () => path.resolve(process.env.FIREDRILL_DATA_DIR ?? ".data");

export async function withDatabase(task: (url: string) => Promise<void>): Promise<number> {
  if (process.env.DATABASE_URL) return run(task, process.env.DATABASE_URL);
  const pgp = postgresProcess({
    dataDir: path.join(dataDirOf(), "postgres"),
    port: Number(process.env.FIREDRILL_DB_PORT ?? 54320),
    database: "firedrill",
  });
  try {
    await pgp.ready(500);
    return await run(task, pgp.url);
  } catch {
    // not running: start it for this task
  }
  pgp.initialise();
  const child = pgp.spawn();
  child.stderr?.resume();
  child.stdout?.resume();
  try {
    await pgp.ready(60_000);
    await pgp.ensureDatabase();
    return await run(task, pgp.url);
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    signalGroup(child.pid, "SIGINT");
    await exited;
  }
}

async function run(task: (url: string) => Promise<void>, url: string): Promise<number> {
  try {
    await task(url);
    return 0;
  } catch (err) {
    console.error(`[firedrill] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
