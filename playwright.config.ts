/**
 * End-to-end tests in Debian's Chromium against the running game. The web
 * server is `scripts/start.ts --e2e` (fresh test database, demo accounts seeded
 * with DEMO_PASSWORD); an already running server on :3000 is reused outside CI.
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./scripts/lib/chromium-launch";

// One password for the server's demo accounts and the tests that sign in with them.
process.env.DEMO_PASSWORD ??= "firedrill-e2e-demo-password";

/** Levels whose fault keeps the host busy: played alone, after the others. */
const HOST_LOADING_LEVELS = /(cpu-hog|memory-exhausted): played/;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // The specs share demo accounts and time the host: one at a time. Then every level is played in the
  // browser, two at a time (each by a player of its own), after them and alone; those that load the
  // host on purpose last, one at a time.
  workers: 3,
  projects: [
    { name: "main", testIgnore: /every-level\.spec\.ts$/, workers: 1 },
    {
      name: "every-level",
      testMatch: /every-level\.spec\.ts$/,
      grepInvert: HOST_LOADING_LEVELS,
      fullyParallel: true,
      workers: Number(process.env.FD_E2E_LEVEL_WORKERS ?? 2),
      dependencies: ["main"],
    },
    // The levels whose fault loads the host on purpose, last and one at a time: next to another level on
    // 2 CPUs, cpu-hog's check could only say "the machine is too loaded to tell" (CI).
    {
      name: "every-level-alone",
      testMatch: /every-level\.spec\.ts$/,
      grep: HOST_LOADING_LEVELS,
      workers: 1,
      dependencies: ["every-level"],
    },
  ],
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: "http://localhost:3000",
    browserName: "chromium",
    viewport: { width: 1366, height: 860 },
    launchOptions: CHROMIUM_LAUNCH,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    // The same script `npm start` runs, so the README command is what the browser tests exercise.
    command: "bash scripts/start.sh --e2e",
    // SIGTERM lets start.ts stop the orchestrator, the web app and the database it started.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    url: "http://localhost:3000/api/health",
    reuseExistingServer: !process.env.CI,
    timeout: 15 * 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { DEMO_PASSWORD: process.env.DEMO_PASSWORD },
  },
});
