/**
 * Runs the whole game with `npm start`, as an operator would, on ports and a
 * data folder of its own (so it never meets another run), and reads the run
 * lock for the supervised children's pids.
 *   SERVICE_TEST_PORT_BASE (default 3300): web = base, orchestrator = base+1, PostgreSQL = base+2
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../../..");
const base = Number(process.env.SERVICE_TEST_PORT_BASE ?? 3300);
export const ports = { web: base, orchestrator: base + 1, db: base + 2 };

export interface Game {
  npm: ChildProcess;
  dataDir: string;
  output: () => string;
  lock(): { pid: number; services: Record<string, number>; children: number[] };
  exited: Promise<number | null>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function gameEnv(dataDir: string): NodeJS.ProcessEnv {
  // The test runner's own database and mode are not the game's.
  const { DATABASE_URL: _db, TEST_DATABASE_URL: _test, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    FIREDRILL_DATA_DIR: dataDir,
    PORT: String(ports.web),
    ORCHESTRATOR_PORT: String(ports.orchestrator),
    FIREDRILL_DB_PORT: String(ports.db),
    ORCHESTRATOR_WARM_POOL: "0",
    ORCHESTRATOR_POOL_FLOOR: "0",
    ORCHESTRATOR_POOL_CEILING: "0", // no pools, whatever the web's forecast asks
    ORCHESTRATOR_FIREWALL: "off",
    DEMO_PASSWORD: "service-test-password",
  };
  // Left to start.ts (production for the web app); a test runner's "test" would fail its checks.
  delete env.NODE_ENV;
  return env as NodeJS.ProcessEnv;
}

export function newDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "firedrill-service-"));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user and must reach its folder inside
  return dir;
}

/** `npm start [args]`; resolves once the game says it is running (or rejects with its output). */
export async function startGame(dataDir: string, args: string[] = [], timeoutMs = 600_000): Promise<Game> {
  const npm = spawn("npm", ["start", "--", ...args], {
    cwd: root,
    env: gameEnv(dataDir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  npm.stdout.on("data", (b: Buffer) => (out += b.toString()));
  npm.stderr.on("data", (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((r) => npm.once("exit", (code) => r(code)));
  const game: Game = {
    npm,
    dataDir,
    output: () => out,
    exited,
    lock: () =>
      JSON.parse(readFileSync(path.join(dataDir, "run", "firedrill.lock"), "utf8")) as ReturnType<Game["lock"]>,
  };
  const deadline = Date.now() + timeoutMs;
  while (!out.includes("Firedrill is running at")) {
    if (npm.exitCode !== null || Date.now() > deadline) {
      npm.kill("SIGKILL");
      throw new Error(`npm start did not come up:\n${out.slice(-4000)}`);
    }
    await sleep(200);
  }
  return game;
}

export async function httpOk(url: string, headers: Record<string, string> = {}): Promise<boolean> {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z");
  } catch {
    return false;
  }
}

/** Seconds until `check` holds (polled every 50 ms), or throws after timeoutMs. */
export async function secondsUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
  return (Date.now() - started) / 1000;
}
