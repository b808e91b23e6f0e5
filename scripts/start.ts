/**
 * Starts the whole game and keeps it running: database (embedded when
 * DATABASE_URL is not set), migrations, level catalogue, demo accounts, level
 * images, the orchestrator and the web app. Every long-running part is
 * supervised (restarted with backoff when it dies; a crash loop is reported).
 * SIGINT/SIGTERM stop everything gracefully (a second one kills). One run per
 * data folder: a second start says where the running game is and exits 0.
 *
 *   --e2e               fresh test database in .data/e2e (used by Playwright)
 *   --no-orchestrator   web app only (no Docker needed)
 *
 * Ports and folders: PORT (web, 3000), ORCHESTRATOR_PORT (4100), FIREDRILL_DB_PORT
 * (embedded PostgreSQL, 54320; 54322 with --e2e), FIREDRILL_DATA_DIR (.data).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { postgresProcess, type PostgresProcess } from "../lib/db/postgres-process";
import { migrate } from "../lib/db/migrate";
import { loadLocalSecrets } from "../lib/config/local-secrets";
import { startBackups, type Backups } from "./lib/backups";
import { nextBuildIsCurrent, recordNextBuild } from "./lib/next-build-stamp";
import { resetDatabase } from "./lib/reset-database";
import { RotatingLog } from "./lib/rotating-log";
import { acquireRunLock } from "./lib/run-lock";
import { say as sayConsole, sayBlock } from "./lib/say";
import { Supervisor } from "./lib/supervisor";
import { waitForHttp } from "./lib/wait-for-http";

const args = new Set(process.argv.slice(2));
const e2e = args.has("--e2e");
const withOrchestrator = !args.has("--no-orchestrator");
const root = path.resolve(import.meta.dirname, "..");
const baseDataDir = path.resolve(root, process.env.FIREDRILL_DATA_DIR ?? ".data");
const dataDir = e2e ? path.join(baseDataDir, "e2e") : baseDataDir;
const port = Number(process.env.PORT ?? 3000);
const orchestratorPort = Number(process.env.ORCHESTRATOR_PORT ?? 4100);
const dbPort = Number(process.env.FIREDRILL_DB_PORT ?? (e2e ? 54322 : 54320));
const url = `http://localhost:${port}`;
const logs = path.join(dataDir, "logs");
const ownLog = new RotatingLog(path.join(logs, "firedrill.log"));

function say(line: string): void {
  sayConsole(line);
  ownLog.write(`${new Date().toISOString()} ${line}\n`);
}

const taken = acquireRunLock(path.join(dataDir, "run", "firedrill.lock"), {
  startedAt: new Date().toISOString(),
  url,
  orchestratorUrl: withOrchestrator ? `http://127.0.0.1:${orchestratorPort}` : undefined,
  dataDir,
});
if (!taken.held) {
  const r = taken.running;
  say(`Firedrill is already running at ${r.url} (pid ${r.pid}, started ${r.startedAt}, data in ${r.dataDir}).`);
  say(`Not starting a second one. Stop it with: kill ${r.pid}`);
  process.exit(0);
}
const lock = taken;
if (lock.stale) {
  const s = lock.stale;
  say(
    `cleared a stale lock from a run that is gone (pid ${s.lock?.pid ?? "unknown"})` +
      (s.stoppedChildren.length ? `; stopped its leftover processes ${s.stoppedChildren.join(", ")}` : ""),
  );
}

const supervisor = new Supervisor(say, undefined, () => {
  const running = supervisor.status().filter((s) => s.pid !== undefined);
  lock.update({
    children: running.map((s) => s.pid!),
    services: Object.fromEntries(running.map((s) => [s.name, s.pid!])),
  });
});
let database: PostgresProcess | undefined;
let backups: Backups | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  say("stopping Firedrill");
  await Promise.all([supervisor.stop("web app"), supervisor.stop("orchestrator")]);
  if (backups) await backups.stop({ finalDump: true }).catch((err) => say(`final backup failed: ${messageOf(err)}`));
  await supervisor.stop("database", 20_000);
  lock.release();
  say("stopped");
  process.exit(code);
}

let signals = 0;
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(sig, () => {
    if (++signals > 1) {
      say(`${sig} again: killing everything now`);
      supervisor.killAll();
      lock.release();
      process.exit(1);
    }
    say(`${sig}: stopping gracefully (send it again to kill at once)`);
    void stopAll(0);
  });
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A supervised node child: no npx/tsx wrappers between us and it, so signals and exit codes are its own. */
function nodeService(name: string, script: string, env: NodeJS.ProcessEnv, ready: () => Promise<void>) {
  const log = new RotatingLog(path.join(logs, `${name.replace(/\s+/g, "-")}.log`));
  return {
    name,
    log,
    ready,
    spawn: (): ChildProcess =>
      spawn(process.execPath, ["--import", "tsx", script], {
        cwd: root,
        env: { ...env, FIREDRILL_SUPERVISOR_PID: String(process.pid) },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      }),
  };
}

function runToEnd(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${argv.join(" ")} exited with ${code}`)),
    );
  });
}

async function startDatabase(): Promise<string> {
  say(
    e2e
      ? "starting a fresh embedded PostgreSQL for end-to-end tests"
      : "DATABASE_URL is not set: starting the embedded PostgreSQL",
  );
  const pgp = postgresProcess({
    dataDir: path.join(dataDir, "postgres"),
    port: dbPort,
    database: e2e ? "firedrill_e2e" : "firedrill",
  });
  const stale = await pgp.stopStale();
  if (stale) say(`stopped PostgreSQL ${stale} left running on ${pgp.dataDir} by an earlier run`);
  pgp.initialise();
  await supervisor.add({
    name: "database",
    spawn: () => pgp.spawn(),
    ready: () => pgp.ready(60_000),
    stopSignal: "SIGINT", // PostgreSQL's fast shutdown
    log: new RotatingLog(path.join(logs, "postgres.log")),
  });
  await pgp.ensureDatabase();
  database = pgp;
  return pgp.url;
}

async function main(): Promise<void> {
  const secrets = loadLocalSecrets(baseDataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    ORCHESTRATOR_SECRET: process.env.ORCHESTRATOR_SECRET ?? secrets.ORCHESTRATOR_SECRET,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
    FIREDRILL_DATA_DIR: dataDir,
    ORCHESTRATOR_PORT: String(orchestratorPort),
    // One pre-broken environment per level ready for the next player (none for e2e runs: tests do not pay for
    // pools, whatever the web's forecast asks, so their ceiling is 0 too).
    ORCHESTRATOR_POOL_FLOOR: process.env.ORCHESTRATOR_POOL_FLOOR ?? (e2e ? "0" : "1"),
    ...(e2e ? { ORCHESTRATOR_POOL_CEILING: process.env.ORCHESTRATOR_POOL_CEILING ?? "0" } : {}),
    ORCHESTRATOR_URL: process.env.ORCHESTRATOR_URL ?? `http://127.0.0.1:${orchestratorPort}`,
    ORCHESTRATOR_PUBLIC_URL: process.env.ORCHESTRATOR_PUBLIC_URL ?? `http://localhost:${orchestratorPort}`,
    LIVE_ALLOWED_ORIGINS: process.env.LIVE_ALLOWED_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`,
    ORCHESTRATOR_ALLOWED_ORIGINS:
      process.env.ORCHESTRATOR_ALLOWED_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`,
  };
  const demoPassword = process.env.DEMO_PASSWORD ?? secrets.DEMO_PASSWORD;

  if (!process.env.DATABASE_URL || e2e) {
    env.DATABASE_URL = await startDatabase();
    if (e2e) await resetDatabase(env.DATABASE_URL);
  }
  // Validate the whole environment now, naming any bad variable.
  const { parseEnv } = await import("../lib/env");
  parseEnv(env);
  // This process talks to the database too (catalogue, demo accounts): same environment as the children.
  Object.assign(process.env, env);

  const result = await migrate(env.DATABASE_URL!, path.join(root, "prisma", "migrations"), say);
  say(`database ready (${result.applied.length} migrations applied, ${result.alreadyApplied} already applied)`);
  if (database && !e2e)
    backups = startBackups({ databaseUrl: env.DATABASE_URL!, dir: path.join(dataDir, "backups"), say });

  const { db } = await import("../lib/db/client");
  const { syncLevels } = await import("../lib/levels/sync-levels");
  const sync = await syncLevels(db, path.join(root, "levels"));
  say(`levels: ${sync.synced} in the catalogue`);
  for (const e of sync.errors) say(`  refused ${e.file}: ${e.field}: ${e.message}`);

  const { seedDemoAccounts } = await import("../lib/seed/seed-demo");
  const demo = await seedDemoAccounts(db, demoPassword);
  await db.$disconnect();

  if (withOrchestrator) {
    await runToEnd("bash", ["scripts/docker/ensure-docker.sh"], env);
    say("building level images (cached by their inputs)");
    await runToEnd("npx", ["tsx", "orchestrator/cli/build-images.ts"], env);
    await supervisor.add(
      nodeService("orchestrator", "orchestrator/main.ts", env, () =>
        waitForHttp(`http://127.0.0.1:${orchestratorPort}/health`, 120_000, {
          authorization: `Bearer ${env.ORCHESTRATOR_SECRET}`,
        }),
      ),
    );
  }

  if (!nextBuildIsCurrent(root)) {
    say("building the web app (next build)");
    await runToEnd("npx", ["next", "build"], { ...env, NODE_ENV: "production" });
    recordNextBuild(root);
  }
  await supervisor.add(
    nodeService(
      "web app",
      "scripts/web-server.ts",
      { ...env, NODE_ENV: "production", HOST: process.env.HOST ?? "127.0.0.1", PORT: String(port) },
      () => waitForHttp(`http://127.0.0.1:${port}/api/health`, 120_000),
    ),
  );

  const lines = [`Firedrill is running at ${url}`];
  if (demo.created.length > 0 || demo.existing) {
    lines.push("", "Demo accounts (password for all: " + demoPassword + "):");
    for (const u of demo.accounts) lines.push(`  ${u.role.padEnd(12)} ${u.email}`);
    if (!demo.created.length) lines.push("  (created on an earlier start; the password is kept in .data/secrets.json)");
  }
  lines.push("", `Logs in ${logs}. Stop with Ctrl-C (or kill ${process.pid}).`);
  sayBlock(lines);
}

main().catch(async (err: unknown) => {
  say(`could not start: ${messageOf(err)}`);
  await stopAll(1);
});
