/**
 * `npm start` keeps the game up: kill -9 of the web app, the orchestrator or
 * PostgreSQL, and the part is back and serving within 10 s, with every row
 * still there. Prints the measured time to recover for each kill.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { alive, httpOk, newDataDir, ports, secondsUntil, startGame, type Game } from "./support/game";

let game: Game;
const dbUrl = () => `postgresql://postgres:firedrill-local@127.0.0.1:${ports.db}/firedrill`;

/** Row counts and a content hash of every public table: equal before and after a kill means nothing was lost. */
async function fingerprint(): Promise<string> {
  const c = new pg.Client({ connectionString: dbUrl() });
  await c.connect();
  try {
    const tables = (
      await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).rows;
    const parts: string[] = [];
    for (const { t } of tables) {
      const { rows } = await c.query<{ n: string; h: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`,
      );
      parts.push(`${t}:${rows[0]!.n}:${rows[0]!.h}`);
    }
    return parts.join("\n");
  } finally {
    await c.end();
  }
}

async function queryWorks(): Promise<boolean> {
  const c = new pg.Client({ connectionString: dbUrl(), connectionTimeoutMillis: 1000 });
  c.on("error", () => undefined);
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const webUp = () => httpOk(`http://127.0.0.1:${ports.web}/api/health`);
const orchestratorUp = () =>
  httpOk(`http://127.0.0.1:${ports.orchestrator}/health`, {
    authorization: `Bearer ${(JSON.parse(readFileSync(path.join(game.dataDir, "secrets.json"), "utf8")) as { ORCHESTRATOR_SECRET: string }).ORCHESTRATOR_SECRET}`,
  });
const ready = () => httpOk(`http://127.0.0.1:${ports.web}/api/ready`);

before(async () => {
  game = await startGame(newDataDir());
  assert.ok(await ready(), "ready once started");
});

after(async () => {
  game?.npm.kill("SIGTERM");
  await game?.exited;
});

const recovered: Record<string, number> = {};

async function killAndWatch(service: string, serving: () => Promise<boolean>): Promise<void> {
  const before = await fingerprint();
  const pid = game.lock().services[service];
  assert.ok(pid && alive(pid), `${service} runs (pid ${pid})`);
  process.kill(pid, "SIGKILL");
  const seconds = await secondsUntil(`${service} back`, async () => {
    const now = game.lock().services[service];
    return now !== undefined && now !== pid && (await serving());
  });
  recovered[service] = seconds;
  console.log(`kill -9 ${service} (pid ${pid}): serving again after ${seconds.toFixed(2)} s`);
  assert.ok(seconds < 10, `${service} back within 10 s (took ${seconds} s)`);
  await secondsUntil("ready again", ready, 10_000);
  assert.equal(await fingerprint(), before, "no row lost or changed");
  assert.match(game.output(), new RegExp(`${service} stopped unexpectedly \\(SIGKILL, pid ${pid}`));
  // The supervisor says "is back" after its own readiness probe, which may answer a moment after ours.
  const back = new RegExp(`${service} is back`);
  await secondsUntil(`"${service} is back" reported`, () => Promise.resolve(back.test(game.output())), 10_000).catch(
    () => 0,
  );
  assert.match(game.output(), back);
}

test("kill -9 of the web app: back and serving within 10 s", () => killAndWatch("web app", webUp));

test("kill -9 of the orchestrator: back and serving within 10 s", () => killAndWatch("orchestrator", orchestratorUp));

test("kill -9 of PostgreSQL: noticed, restarted, pages answer again within 10 s", () =>
  killAndWatch("database", async () => (await queryWorks()) && (await webUp())));

test("the game keeps running through all of it, and reports the recoveries", () => {
  assert.equal(game.npm.exitCode, null, "npm start still runs");
  console.log(`recovery times (s): ${JSON.stringify(recovered)}`);
});
