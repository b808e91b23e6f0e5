/**
 * Click "Start" → usable shell, as a new hire feels it: a real browser (Playwright's Chromium)
 * signed in as the demo player clicks `start-<level>` on /play; the clock stops when a line typed
 * into the room's first connected shell (`echo $((6*7))-n`) comes back evaluated (`42-n`), i.e.
 * the keystrokes reached bash in the broken environment and its answer reached the page.
 * Each attempt is abandoned after it is measured (not counted).
 *
 * Needs the game running (`npm start`): web on BENCH_URL (http://127.0.0.1:3000), orchestrator on
 * ORCHESTRATOR_URL (http://127.0.0.1:4100), secrets from .data/secrets.json.
 *   BENCH_POOL=warm  before each run, waits until GET /pools has a ready environment of the level
 *   BENCH_POOL=cold  start the game with ORCHESTRATOR_WARM_POOL=0 ORCHESTRATOR_POOL_FLOOR=0
 *                    ORCHESTRATOR_POOL_CEILING=0 (the bench checks the pool stays empty)
 *   BENCH_QUIET_LOAD=1.5  before each run, also waits (up to 3 min) until the 1-minute load average is
 *                    under 1.5: the room's own time, without the previous claim's refill on the 2 CPUs
 *   npx tsx bench/browser-start.bench.ts   # BENCH_LEVEL=disk-full, BENCH_RUNS=20, BENCH_POOL=warm
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Page, type Request } from "@playwright/test";
import { PoolsViewSchema } from "../lib/contracts/orchestrator-api";
import { CHROMIUM_LAUNCH } from "../scripts/lib/chromium-launch";
import { machine, ROOT, saveResult, summary } from "./lib/bench-kit";

const BASE = process.env.BENCH_URL ?? "http://127.0.0.1:3000";
const ORCH = process.env.ORCHESTRATOR_URL ?? "http://127.0.0.1:4100";
const LEVEL = process.env.BENCH_LEVEL ?? "disk-full";
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MODE = process.env.BENCH_POOL === "cold" ? "cold" : "warm";
const QUIET_LOAD = process.env.BENCH_QUIET_LOAD ? Number(process.env.BENCH_QUIET_LOAD) : null;
/** BENCH_TRACE=1: also print, per run, the page's requests and the environment's stages, in ms from the click. */
const TRACE = process.env.BENCH_TRACE === "1";
const secrets = JSON.parse(readFileSync(join(ROOT, ".data/secrets.json"), "utf8")) as Record<string, string>;
const PASSWORD = process.env.DEMO_PASSWORD ?? secrets.DEMO_PASSWORD ?? "";
const ORCH_SECRET = process.env.ORCHESTRATOR_SECRET ?? secrets.ORCHESTRATOR_SECRET ?? "";
const uptime = () => execFileSync("uptime", { encoding: "utf8" }).trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load1 = () => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

/** Wait (up to 3 min) for the host to calm down after the previous run's refill. */
async function quiet(): Promise<void> {
  if (QUIET_LOAD === null) return;
  const deadline = Date.now() + 180_000;
  while (load1() >= QUIET_LOAD && Date.now() < deadline) await sleep(2000);
}

async function readyInPool(): Promise<number> {
  const res = await fetch(`${ORCH}/pools`, { headers: { authorization: `Bearer ${ORCH_SECRET}` } });
  const view = PoolsViewSchema.parse(await res.json());
  return view.levels.filter((l) => l.levelId === LEVEL).reduce((n, l) => n + l.ready, 0);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${BASE}/signin`);
  await page.getByLabel("Email").fill("player@firedrill.local");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 30_000 });
}

/** Milestones of one start, ms from the click: the room's URL, its first paint, a shell connected, the echo. */
type Phases = { url: number; room: number; connected: number; echo: number };

/** One start; returns ms from the click to the evaluated echo (and each milestone), and the attempt's id. */
async function startOnce(page: Page, run: number): Promise<{ ms: number; phases: Phases; attemptId: string }> {
  await page.goto(`${BASE}/play`);
  const button = page.getByTestId(`start-${LEVEL}`);
  await button.waitFor({ state: "visible" });
  await page.waitForFunction(
    (id) => !(document.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement)?.disabled,
    `start-${LEVEL}`,
  );
  const t0 = performance.now();
  const clickedAt = Date.now();
  const trace: string[] = [];
  const onDone = (r: Request) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/_next/static")) return;
    trace.push(`${Math.round(performance.now() - t0)} ${r.method()} ${u.pathname}${u.search}`);
  };
  if (TRACE) page.on("requestfinished", onDone);
  await button.click();
  await page.waitForURL(/\/attempts\/[^/]+$/, { timeout: 60_000 });
  const url = performance.now() - t0;
  await page.getByTestId("incident-room").waitFor({ state: "visible", timeout: 60_000 });
  const room = performance.now() - t0;
  const attemptId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const shell = page.locator('[data-testid^="terminal-"][data-status="connected"]').first();
  await shell.waitFor({ state: "visible", timeout: 120_000 });
  const connected = performance.now() - t0;
  const marker = `${run}n`;
  // Typed until it shows: keystrokes sent before bash printed its prompt are kept by the TTY.
  await shell.locator(".xterm-screen").click();
  await page.keyboard.type(`echo $((6*7))-${marker}`);
  await page.keyboard.press("Enter");
  await shell.locator(".xterm-rows").getByText(`42-${marker}`, { exact: false }).first().waitFor({ timeout: 60_000 });
  const ms = performance.now() - t0;
  if (TRACE) {
    page.off("requestfinished", onDone);
    console.log(`  requests: ${trace.join(" | ")}`);
    const envs = (await (
      await fetch(`${ORCH}/environments`, { headers: { authorization: `Bearer ${ORCH_SECRET}` } })
    ).json()) as {
      environments: {
        attemptId: string;
        createdAt: string;
        readyAt: string | null;
        stages: { name: string; endedAt: string | null }[];
      }[];
    };
    const env = envs.environments.find((e) => e.attemptId === attemptId);
    const at = (iso: string | null) => (iso ? Date.parse(iso) - clickedAt : NaN);
    if (env)
      console.log(
        `  environment: created ${at(env.createdAt)}, ${env.stages.map((s) => `${s.name} ${at(s.endedAt)}`).join(", ")}, ready ${at(env.readyAt)}`,
      );
  }
  return { ms, phases: { url, room, connected, echo: ms }, attemptId };
}

async function abandon(page: Page, attemptId: string): Promise<void> {
  const res = await page.request.post(`${BASE}/api/attempts/${attemptId}/abandon`, {
    headers: { origin: BASE, "content-type": "application/json" },
    data: {},
  });
  if (!res.ok()) console.error(`abandon ${attemptId}: ${res.status()} ${await res.text()}`);
}

async function main(): Promise<void> {
  console.log(`${machine()}\n${uptime()}\nlevel ${LEVEL}, pool ${MODE}, ${RUNS} runs`);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const times: number[] = [];
  const phases: Record<keyof Phases, number[]> = { url: [], room: [], connected: [], echo: [] };
  let poolAtClick = 0;
  try {
    await signIn(page);
    for (let i = 0; i < RUNS; i++) {
      await quiet();
      const deadline = Date.now() + 300_000;
      let ready = await readyInPool();
      if (MODE === "warm") {
        while (ready === 0 && Date.now() < deadline) {
          await sleep(500);
          ready = await readyInPool();
        }
      } else if (ready > 0) {
        throw new Error("BENCH_POOL=cold but the pool holds ready environments: start the game with the pool off");
      }
      if (ready > 0) poolAtClick++;
      const loadAtClick = load1();
      const { ms, phases: p, attemptId } = await startOnce(page, i);
      times.push(ms);
      for (const k of Object.keys(phases) as (keyof Phases)[]) phases[k].push(p[k]);
      const steps = Object.entries(p)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(", ");
      console.log(
        `run ${i + 1}/${RUNS}: ${Math.round(ms)} ms (${steps}; pool ready at click: ${ready}; load ${loadAtClick})`,
      );
      await abandon(page, attemptId);
    }
  } finally {
    await browser.close();
  }
  const milestones = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, summary(v)]));
  const result = {
    level: LEVEL,
    pool: MODE,
    quietLoad: QUIET_LOAD,
    clickToEcho: summary(times),
    milestones,
    poolAtClick,
    uptime: uptime(),
  };
  console.log(JSON.stringify(result, null, 2));
  saveResult(`browser-start-${MODE}${QUIET_LOAD === null ? "" : "-quiet"}`, result);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
