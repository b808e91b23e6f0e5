/**
 * Starts the whole game: database (embedded when DATABASE_URL is not set),
 * migrations, level catalogue, demo accounts, level images, the orchestrator and
 * the web app. `npm start` runs it after installing what is missing.
 *
 *   --e2e               fresh test database in .data/e2e (used by Playwright)
 *   --no-orchestrator   web app only (no Docker needed)
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { loadLocalSecrets } from "../lib/config/local-secrets";
import { nextBuildIsCurrent, recordNextBuild } from "./lib/next-build-stamp";
import { resetDatabase } from "./lib/reset-database";
import { say, sayBlock } from "./lib/say";

const args = new Set(process.argv.slice(2));
const e2e = args.has("--e2e");
const withOrchestrator = !args.has("--no-orchestrator");
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data", e2e ? "e2e" : "");
const port = Number(process.env.PORT ?? 3000);

const children: ChildProcess[] = [];
let database: EmbeddedDatabase | undefined;
let stopping = false;

/** Signal a child's whole process group: npx, tsx and next each start processes of their own. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const child of children) signalGroup(child, "SIGTERM");
    // Give them ten seconds to close their ports and sockets, then insist.
    const timer = setTimeout(() => children.forEach((c) => signalGroup(c, "SIGKILL")), 10_000);
    await Promise.all(children.map(exited));
    clearTimeout(timer);
    await database?.stop().catch(() => undefined);
  }
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  // detached: a process group of its own, so stopAll reaches its grandchildren.
  const child = spawn(cmd, argv, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    say(`${name} stopped (${signal ?? `exit ${code}`}); stopping Firedrill`);
    void stopAll(code ?? 1);
  });
  children.push(child);
  return child;
}

function runToEnd(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${argv.join(" ")} exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const secrets = loadLocalSecrets(path.join(root, ".data"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    ORCHESTRATOR_SECRET: process.env.ORCHESTRATOR_SECRET ?? secrets.ORCHESTRATOR_SECRET,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    FIREDRILL_DATA_DIR: process.env.FIREDRILL_DATA_DIR ?? dataDir,
    LIVE_ALLOWED_ORIGINS: process.env.LIVE_ALLOWED_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`,
    ORCHESTRATOR_ALLOWED_ORIGINS:
      process.env.ORCHESTRATOR_ALLOWED_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`,
  };
  const demoPassword = process.env.DEMO_PASSWORD ?? secrets.DEMO_PASSWORD;

  if (!process.env.DATABASE_URL || e2e) {
    say(
      e2e
        ? "starting a fresh embedded PostgreSQL for end-to-end tests"
        : "DATABASE_URL is not set: starting the embedded PostgreSQL",
    );
    database = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: e2e ? 54322 : 54320,
      database: e2e ? "firedrill_e2e" : "firedrill",
    });
    if (e2e) await resetDatabase(database.url);
    env.DATABASE_URL = database.url;
  }
  // Validate the whole environment now, naming any bad variable.
  const { parseEnv } = await import("../lib/env");
  parseEnv(env);
  // This process talks to the database too (catalogue, demo accounts): same environment as the children.
  Object.assign(process.env, env);

  const result = await migrate(env.DATABASE_URL!, path.join(root, "prisma", "migrations"), say);
  say(`database ready (${result.applied.length} migrations applied, ${result.alreadyApplied} already applied)`);

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
    run("npx", ["tsx", "orchestrator/main.ts"], env, "orchestrator");
  }

  if (!nextBuildIsCurrent(root)) {
    say("building the web app (next build)");
    await runToEnd("npx", ["next", "build"], { ...env, NODE_ENV: "production" });
    recordNextBuild(root);
  }
  run(
    "npx",
    ["tsx", "scripts/web-server.ts"],
    { ...env, NODE_ENV: "production", HOST: process.env.HOST ?? "127.0.0.1", PORT: String(port) },
    "web app",
  );

  const lines = [`Firedrill is starting at http://localhost:${port}`];
  if (demo.created.length > 0 || demo.existing) {
    lines.push("", "Demo accounts (password for all: " + demoPassword + "):");
    for (const u of demo.accounts) lines.push(`  ${u.role.padEnd(12)} ${u.email}`);
    if (!demo.created.length) lines.push("  (created on an earlier start; the password is kept in .data/secrets.json)");
  }
  lines.push("", "Stop with Ctrl-C.");
  sayBlock(lines);
}

main().catch(async (err: unknown) => {
  say(`could not start: ${err instanceof Error ? err.message : String(err)}`);
  await stopAll(1);
});
