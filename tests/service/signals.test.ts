/**
 * Stopping the game the ways a service manager or an operator does: SIGTERM or
 * SIGINT to the `npm start` pid stops everything within seconds and leaves no
 * process or port; a second `npm start` finds the running one and leaves it be;
 * a run killed with -9 leaves a stale lock that the next start clears.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import {
  alive,
  gameEnv,
  httpOk,
  newDataDir,
  portOpen,
  ports,
  root,
  secondsUntil,
  sleep,
  startGame,
  type Game,
} from "./support/game";

const args = ["--no-orchestrator"];

/** Every pid the run had: npm, start.ts, and the supervised children (PostgreSQL's postmaster included). */
function pidsOf(game: Game): number[] {
  const lock = game.lock();
  return [game.npm.pid!, lock.pid, ...lock.children];
}

async function assertAllGone(game: Game, pids: number[], what: string): Promise<void> {
  const seconds = await secondsUntil(
    `${what}: every process gone`,
    () => Promise.resolve(pids.every((p) => !alive(p))),
    15_000,
  );
  console.log(`${what}: everything stopped after ${seconds.toFixed(2)} s`);
  assert.ok(seconds < 10, `stopped within 10 s (took ${seconds})`);
  assert.equal(await portOpen(ports.web), false, "web port free");
  assert.equal(await portOpen(ports.db), false, "database port free");
  assert.equal(await game.exited, 0, "npm start exits 0 after a graceful stop");
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to the npm start pid stops everything gracefully and frees the ports`, async () => {
    const game = await startGame(newDataDir(), args);
    const pids = pidsOf(game);
    assert.ok(pids.every(alive));
    game.npm.kill(signal);
    await assertAllGone(game, pids, signal);
    assert.match(game.output(), new RegExp(`${signal}: stopping gracefully`));
    assert.match(game.output(), /backup written: .*firedrill-\d{8}-\d{6}\.json\.gz/, "a backup at shutdown");
    assert.match(game.output(), /\[firedrill\] stopped/);
  });
}

test("a second npm start while one runs says where it is, exits 0 and leaves it running", async () => {
  const dataDir = newDataDir();
  const game = await startGame(dataDir, args);
  try {
    const second = spawnSync("npm", ["start", "--", ...args], {
      cwd: root,
      env: gameEnv(dataDir),
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(second.status, 0, second.stdout + second.stderr);
    assert.match(
      second.stdout,
      new RegExp(`already running at http://localhost:${ports.web} \\(pid ${game.lock().pid}`),
    );
    assert.ok(await httpOk(`http://127.0.0.1:${ports.web}/api/health`), "the first one still serves");
    assert.ok(pidsOf(game).every(alive), "and none of its processes was touched");
  } finally {
    game.npm.kill("SIGTERM");
    await game.exited;
  }
});

test("a run killed with -9 leaves a stale lock: its children stop by themselves, the next start clears it", async () => {
  const dataDir = newDataDir();
  const first = await startGame(dataDir, args);
  const lock = first.lock();
  process.kill(lock.pid, "SIGKILL"); // start.ts itself, as an OOM killer would
  // The web app notices its supervisor is gone and stops (nothing outlives its owner).
  const web = lock.services["web app"]!;
  await secondsUntil("the orphaned web app stops", () => Promise.resolve(!alive(web)), 10_000);
  await sleep(200);
  const second = await startGame(dataDir, args);
  try {
    assert.match(second.output(), new RegExp(`cleared a stale lock from a run that is gone \\(pid ${lock.pid}\\)`));
    assert.match(second.output(), /stopped PostgreSQL \d+ left running/, "the old PostgreSQL was stopped, not shared");
    assert.ok(await httpOk(`http://127.0.0.1:${ports.web}/api/health`));
    assert.notEqual(second.lock().pid, lock.pid);
  } finally {
    second.npm.kill("SIGTERM");
    assert.equal(await second.exited, 0);
  }
  first.npm.kill("SIGKILL");
});
