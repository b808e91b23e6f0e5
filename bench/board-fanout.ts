/**
 * The facilitators' live board under load: 100 attempts in play, 200
 * facilitator sockets (separate sessions, in a second process, as browsers)
 * watching the board on a real live server with the real board feed, over an
 * embedded PostgreSQL. For ~60 s attempts change (an UPDATE and its
 * attempt-changed NOTIFY, as use-cases do) and the fake orchestrator's success
 * rates move; every socket notes when it sees each version. Latency is change
 * → receipt at each socket.
 *   tsx bench/board-fanout.ts   (BENCH_ATTEMPTS=100, BENCH_SOCKETS=200, BENCH_SECONDS=60,
 *                                BENCH_CHANGES_PER_S=20, BENCH_SLI_SHARE=0.2)
 */
import { fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import type { EnvironmentView, SliSample } from "../lib/contracts/orchestrator-api";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { machine, ROOT, saveResult, summary } from "./lib/bench-kit";

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 100);
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CHANGES_PER_S = Number(process.env.BENCH_CHANGES_PER_S ?? 20);
const SLI_SHARE = Number(process.env.BENCH_SLI_SHARE ?? 0.2);
const PORT = 54335;
const DATABASE = "firedrill_bench_board";
const ORIGIN = "http://localhost:3000";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

async function freshDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const pgServer = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", "bench-board", "postgres"),
    port: PORT,
    database: DATABASE,
  });
  const admin = new URL(pgServer.url);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${DATABASE}"`);
  await c.end();
  await migrate(pgServer.url, path.join(ROOT, "prisma", "migrations"));
  return pgServer;
}

async function main(): Promise<void> {
  const database = await freshDatabase();
  // The app's modules read their environment once, on first use: set it before importing them.
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_URL = ORIGIN;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
  process.env.ORCHESTRATOR_SECRET ??= "bench-orchestrator-secret-0123456789abcdef";
  const { db } = await import("../lib/db/client");
  const { encodeSessionToken, sessionCookieName } = await import("../server/auth/session-token");
  const { allowedOrigins } = await import("../server/http/allowed-origins");
  const { attachLiveServer } = await import("../server/live/server");
  const { createBoardFeed } = await import("../server/live/board-feed");
  const { publishLive } = await import("../lib/bus/publish");

  // ─── 100 attempts with players, levels and environments; 200 facilitators signed in ───
  const levels = ["proxy", "database", "disk", "network", "app"].map((category, i) => ({
    id: `bench-level-${i}`,
    title: `Bench level ${i}`,
    category,
    difficulty: "easy",
    parMinutes: 15,
    manifest: {},
    manifestHash: `bench-${i}`,
  }));
  await db.level.createMany({ data: levels });
  const team = await db.team.create({ data: { name: "Bench team" } });
  const players = await db.user.createManyAndReturn({
    data: Array.from({ length: ATTEMPTS }, (_, i) => ({
      email: `player-${i}@bench.test`,
      name: `Player ${i}`,
      role: "PLAYER" as const,
    })),
    select: { id: true },
  });
  const attemptIds: string[] = [];
  const envOf = new Map<string, string>();
  for (let i = 0; i < ATTEMPTS; i++) {
    const player = players[i]!;
    const teamPlay = i % 5 === 0;
    const a = await db.attempt.create({
      data: {
        levelId: levels[i % levels.length]!.id,
        kind: teamPlay ? "TEAM" : "SOLO",
        teamId: teamPlay ? team.id : null,
        startedById: player.id,
        variantSeed: `seed-${i}`,
        params: {},
        status: "ACTIVE",
        members: { create: [{ userId: player.id }, ...(teamPlay && i > 0 ? [{ userId: players[i - 1]!.id }] : [])] },
        environment: { create: { id: `bench-env-${i}`, state: "READY" } },
      },
      select: { id: true },
    });
    attemptIds.push(a.id);
    envOf.set(a.id, `bench-env-${i}`);
  }
  const facilitators = await db.user.createManyAndReturn({
    data: Array.from({ length: SOCKETS }, (_, i) => ({
      email: `facilitator-${i}@bench.test`,
      name: `Facilitator ${i}`,
      role: "FACILITATOR" as const,
    })),
    select: { id: true },
  });
  const sessions = await db.session.createManyAndReturn({
    data: facilitators.map((f) => ({ userId: f.id, expiresAt: new Date(Date.now() + 86_400_000) })),
    select: { id: true, userId: true },
  });
  const tokens = await Promise.all(sessions.map((s) => encodeSessionToken(s.id, s.userId)));

  // ─── A fake orchestrator: 100 environments whose success rate moves ───
  const rate = new Map<string, number>(attemptIds.map((id) => [id, 1]));
  const rateVersion = new Map<string, number>(attemptIds.map((id) => [id, 0]));
  const started = new Date().toISOString();
  const orchestrator = {
    listEnvironments: () =>
      Promise.resolve({
        environments: attemptIds.map((attemptId): EnvironmentView => ({
          id: envOf.get(attemptId)!,
          attemptId,
          levelId: "bench",
          seed: "s",
          state: "ready",
          stages: [],
          error: null,
          params: {},
          instances: [],
          fromWarmPool: false,
          createdAt: started,
          readyAt: started,
          lastActivityAt: started,
          machineEvents: [],
        })),
      }),
    sliSamples: () =>
      Promise.resolve({
        samples: Object.fromEntries(
          attemptIds.map((id): [string, SliSample] => [
            envOf.get(id)!,
            {
              at: new Date().toISOString(),
              successRate: rate.get(id)!,
              p50Ms: 5,
              p95Ms: 9,
              requests: 10,
              failures: 0,
              lastError: null,
            },
          ]),
        ),
      }),
  };

  // ─── The live server, as scripts/web-server.ts wires it ───
  const http = createServer();
  const live = attachLiveServer(http, {
    db,
    databaseUrl: database.url,
    origins: allowedOrigins(ORIGIN, ""),
    boardFeed: (ctx) => createBoardFeed(ctx, { orchestrator }),
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  await live.ready;
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const child = fork(path.join(import.meta.dirname, "lib", "board-watchers.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const fromChild = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const on = (m: { type: string; message?: string }) => {
        if (m.type === "error") reject(new Error(m.message));
        if (m.type !== type) return;
        child.off("message", on);
        resolve(m as T);
      };
      child.on("message", on);
      child.once("exit", (code) => reject(new Error(`the watchers' process exited (${code})`)));
    });

  try {
    const watching = fromChild<{ snapshotMs: number[] }>("watching");
    child.send({ type: "start", url, origin: ORIGIN, cookieName: sessionCookieName(), tokens });
    const { snapshotMs } = await watching;
    const snap = summary(snapshotMs);
    console.log(`${SOCKETS} sockets watching; board:watch snapshot p50 ${snap.p50} ms, p95 ${snap.p95} ms`);
    await sleep(3000);

    // ─── The load: attempt changes through the bus, and success rates moving ───
    const sent: Record<string, number> = {};
    const checks = new Map<string, number>(attemptIds.map((id) => [id, 0]));
    const load0 = loadavg();
    const cpu0 = process.cpuUsage();
    const until = Date.now() + SECONDS * 1000;
    let changes = 0;
    let sliChanges = 0;
    const pending = new Set<Promise<void>>();
    // Each environment's mock client samples on its own clock: spread the changes over the second.
    const sliTimer = setInterval(() => {
      for (const id of attemptIds) {
        if (Math.random() >= SLI_SHARE / 10) continue;
        const v = rateVersion.get(id)! + 1;
        rateVersion.set(id, v);
        rate.set(id, v / 1000); // each change a value not used before for this attempt
        sent[`s:${id}:${v / 1000}`] = now();
        sliChanges++;
      }
    }, 100);
    const gap = 1000 / CHANGES_PER_S;
    for (let next = Date.now(); Date.now() < until; next += gap) {
      await sleep(Math.max(0, next - Date.now()));
      const id = attemptIds[Math.floor(Math.random() * attemptIds.length)]!;
      const v = checks.get(id)! + 1;
      checks.set(id, v);
      sent[`c:${id}:${v}`] = now();
      changes++;
      const p = db
        .$transaction(async (tx) => {
          await tx.attempt.update({ where: { id }, data: { checksTried: v } });
          await publishLive(tx, { type: "attempt-changed", attemptId: id });
        })
        .finally(() => pending.delete(p));
      pending.add(p);
    }
    clearInterval(sliTimer);
    await Promise.all(pending);
    const cpu = process.cpuUsage(cpu0);
    const load1 = loadavg();
    await sleep(3000); // the last changes arrive

    const resultP = fromChild<{
      latencies: { c: number[]; s: number[] };
      missed: number;
      superseded: number;
      messages: number;
      rowsReceived: number;
      disconnects: number;
    }>("result");
    child.send({ type: "collect", sent });
    const r = await resultP;
    const pushed = summary(r.latencies.c);
    const sli = summary(r.latencies.s);
    const serverCpu = Math.round(((cpu.user + cpu.system) / 1000 / (SECONDS * 1000)) * 100);
    console.log(
      `board fan-out: ${ATTEMPTS} attempts, ${SOCKETS} sockets, ${SECONDS} s, ${changes} attempt changes (${CHANGES_PER_S}/s) + ${sliChanges} SLI changes; ${machine()}`,
    );
    console.log(
      `attempt-changed → receipt at every socket: n ${pushed.n}, p50 ${pushed.p50} ms, p95 ${pushed.p95} ms, max ${pushed.max} ms`,
    );
    console.log(
      `SLI change at the orchestrator → receipt (includes the board's 0.5 s poll): n ${sli.n}, p50 ${sli.p50} ms, p95 ${sli.p95} ms, max ${sli.max} ms`,
    );
    console.log(
      `newest versions never seen: ${r.missed}; older versions folded into a newer row: ${r.superseded}; board:rows messages ${r.messages}, rows ${r.rowsReceived}; disconnects ${r.disconnects}`,
    );
    console.log(
      `load average before ${load0.map((l) => l.toFixed(2)).join(" ")}, after ${load1.map((l) => l.toFixed(2)).join(" ")} (${cpus().length} cores); live server process CPU ${serverCpu} % of one core`,
    );
    saveResult("board-fanout", {
      attempts: ATTEMPTS,
      sockets: SOCKETS,
      seconds: SECONDS,
      changes,
      sliChanges,
      snapshot: snap,
      attemptChanged: pushed,
      sli,
      missed: r.missed,
      superseded: r.superseded,
      messages: r.messages,
      rowsReceived: r.rowsReceived,
      disconnects: r.disconnects,
      loadBefore: load0,
      loadAfter: load1,
      serverCpuPercent: serverCpu,
    });
  } finally {
    child.kill();
    await live.close();
    http.close();
    await db.$disconnect();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
