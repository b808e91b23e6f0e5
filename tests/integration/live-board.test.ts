/**
 * The facilitators' live board and coaching over a real live server (socket.io
 * on an HTTP server, the PostgreSQL bus, the real board feed with a fake
 * orchestrator), with real session cookies and an Origin header, as a browser
 * would connect.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createBoardFeed } from "../../server/live/board-feed";
import type { BoardRow, BoardRowsMessage } from "../../lib/board/board-row";
import { evictStaleSockets } from "../../server/live/evict-stale-sockets";
import type { BoardOrchestrator } from "../../lib/board/orchestrator-snapshot";
import type { EnvironmentView, SliSample } from "../../lib/contracts/orchestrator-api";
import { sessionCookieName } from "../../server/auth/session-token";
import { publishLive } from "../../lib/bus/publish";
import { makeLevel } from "./support/incident";
import { next, refused, request, startLiveServer, ORIGIN, type TestLiveServer } from "./support/live-server";
import { db, makeUser, signIn, uid } from "./support/people";

let server: TestLiveServer;
let attemptId: string;
let envId: string;
let successRate = 0.25;
let orchestratorDown = false;

const fake: BoardOrchestrator = {
  listEnvironments: () => {
    if (orchestratorDown) return Promise.reject(new Error("down"));
    const now = new Date().toISOString();
    const view: EnvironmentView = {
      id: envId,
      attemptId,
      levelId: "x",
      seed: "s",
      state: "ready",
      stages: [],
      error: null,
      params: {},
      instances: [],
      fromWarmPool: false,
      createdAt: now,
      readyAt: now,
      lastActivityAt: "2025-01-01T00:00:00.000Z",
      machineEvents: [],
    };
    return Promise.resolve({ environments: [view] });
  },
  sliSamples: () => {
    if (orchestratorDown) return Promise.reject(new Error("down"));
    const s: SliSample = {
      at: new Date().toISOString(),
      successRate,
      p50Ms: 5,
      p95Ms: 9,
      requests: 4,
      failures: 3,
      lastError: null,
    };
    return Promise.resolve({ samples: { [envId]: s } });
  },
};

const rowOf = (m: BoardRowsMessage) => m.rows.find((r) => r.attemptId === attemptId);

before(async () => {
  const levelId = await makeLevel();
  const player = await makeUser("PLAYER", { label: "Ann" });
  const attempt = await db.attempt.create({
    data: {
      levelId,
      startedById: player.id,
      variantSeed: uid(),
      params: {},
      status: "ACTIVE",
      members: { create: { userId: player.id } },
    },
  });
  attemptId = attempt.id;
  envId = `env-${uid()}`;
  await db.environment.create({ data: { id: envId, attemptId, state: "READY" } });
  playerToken = (await signIn(player)).token;

  server = await startLiveServer({
    boardFeed: (ctx) => createBoardFeed(ctx, { orchestrator: fake, tickMs: 250 }),
  });
});

let playerToken = "";

after(async () => {
  await server.close();
  await db.$disconnect();
});

test("a page from another origin is refused at the handshake, even with a valid cookie", async () => {
  const fac = await signIn(await makeUser("FACILITATOR"));
  const e = await refused(
    server.open({ origin: "http://evil.example", cookie: `${sessionCookieName()}=${fac.token}` }),
  );
  assert.equal(e.data?.code, "FORBIDDEN");
  assert.match(e.message, /origin/);
});

test("a socket without a session cookie is refused", async () => {
  const e = await refused(server.open({ origin: ORIGIN }));
  assert.equal(e.data?.code, "UNAUTHENTICATED");
});

test("a player may not watch the board", async () => {
  const s = await server.as(playerToken);
  const ack = await request(s, "board:watch", {});
  assert.equal(ack.ok, false);
  assert.equal(!ack.ok && ack.error.code, "FORBIDDEN");
});

test("a facilitator gets the board, then a changed row within a second of the change", async () => {
  const fac = await signIn(await makeUser("FACILITATOR"));
  const s = await server.as(fac.token);
  const ack = await request(s, "board:watch", {});
  assert.ok(ack.ok, JSON.stringify(ack));
  const rows = (ack.data as { rows: BoardRow[] }).rows;
  const row = rows.find((r) => r.attemptId === attemptId);
  assert.ok(row, "the active attempt is on the board");
  assert.equal(row.status, "ACTIVE");
  assert.equal(row.environment, "ready");
  assert.equal(row.successRate, 0.25);
  assert.equal(row.lastActivityAt, "2025-01-01T00:00:00.000Z");
  assert.equal(row.orchestratorReachable, true);
  assert.match(row.players[0] ?? "", /^Ann /);

  const changed = next<BoardRowsMessage>(s, "board:rows", (m) => rowOf(m)?.checksTried === 4, 1000);
  const t0 = Date.now();
  await db.attempt.update({ where: { id: attemptId }, data: { checksTried: 4 } });
  await publishLive(db, { type: "attempt-changed", attemptId });
  const m = await changed;
  assert.ok(Date.now() - t0 < 1000);
  assert.equal(rowOf(m)?.checksTried, 4);
  // Only what changed travels.
  assert.ok(m.rows.every((r) => r.attemptId === attemptId));

  // The mock client's success rate is polled from the orchestrator.
  const sli = next<BoardRowsMessage>(s, "board:rows", (x) => rowOf(x)?.successRate === 0.9, 2000);
  successRate = 0.9;
  await sli;

  // The orchestrator going away is shown, not fatal.
  const down = next<BoardRowsMessage>(s, "board:rows", (x) => rowOf(x)?.orchestratorReachable === false, 2000);
  orchestratorDown = true;
  const d = rowOf(await down);
  orchestratorDown = false;
  assert.equal(d?.successRate, null);
  assert.equal(d?.environment, "ready", "the database's last known state");

  // An attempt that leaves play leaves the board.
  const gone = next<BoardRowsMessage>(s, "board:rows", (x) => x.removed.includes(attemptId), 1000);
  await db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED" } });
  await publishLive(db, { type: "attempt-changed", attemptId });
  await gone;
  const back = next<BoardRowsMessage>(s, "board:rows", (x) => rowOf(x) !== undefined, 1000);
  await db.attempt.update({ where: { id: attemptId }, data: { status: "ACTIVE" } });
  await publishLive(db, { type: "attempt-changed", attemptId });
  await back;
});

test("a revoked session's next event fails UNAUTHENTICATED", async () => {
  const fac = await signIn(await makeUser("FACILITATOR"));
  const s = await server.as(fac.token);
  assert.equal((await request(s, "board:watch", {})).ok, true);
  await db.session.update({ where: { id: fac.sessionId }, data: { revokedAt: new Date() } });
  const closed = s.connected ? new Promise((resolve) => s.once("disconnect", resolve)) : Promise.resolve();
  const ack = await request(s, "board:watch", {});
  assert.equal(!ack.ok && ack.error.code, "UNAUTHENTICATED");
  await closed; // and the server closes that socket
});

test("a watcher who is no longer a facilitator is removed from the board room", async () => {
  const user = await makeUser("FACILITATOR");
  const fac = await signIn(user);
  const s = await server.as(fac.token);
  assert.equal((await request(s, "board:watch", {})).ok, true);
  const closed = next<unknown>(s, "board:closed", () => true, 2000);
  await db.user.update({ where: { id: user.id }, data: { role: "PLAYER" } });
  assert.ok((await evictStaleSockets(db, server.live.io)) >= 1);
  await closed;
  const stillThere = await server.live.io.in("board").fetchSockets();
  assert.ok(!stillThere.some((x) => x.id === s.id));
});

test("coaching: a player may not send; a facilitator's message reaches the attempt room and the timeline", async () => {
  const player = await server.as(playerToken);
  assert.equal((await request(player, "attempt:join", { attemptId })).ok, true);
  const refusedAck = await request(player, "coach:send", { attemptId, kind: "hint", text: "try this" });
  assert.equal(!refusedAck.ok && refusedAck.error.code, "FORBIDDEN");

  const facUser = await makeUser("FACILITATOR", { label: "Coach" });
  const fac = await server.as((await signIn(facUser)).token);
  const bad = await request(fac, "coach:send", { attemptId, kind: "hint", text: "x".repeat(2001) });
  assert.equal(!bad.ok && bad.error.code, "INVALID_INPUT");

  const got = next<{ attemptId: string; text: string; from: string; kind: string }>(
    player,
    "coach",
    (m) => m.attemptId === attemptId,
    2000,
  );
  const timeline = next<{ kind: string; text: string }>(player, "timeline", (e) => e.kind === "NOTE", 2000);
  const ack = await request(fac, "coach:send", { attemptId, kind: "hint", text: "Look at the proxy's error log." });
  assert.ok(ack.ok, JSON.stringify(ack));
  const m = await got;
  assert.equal(m.text, "Look at the proxy's error log.");
  assert.equal(m.from, facUser.name);
  assert.equal(m.kind, "hint");
  assert.match((await timeline).text, /^Hint from facilitator Coach .*: Look at the proxy's error log\.$/);
  const note = await db.timelineEvent.findFirst({ where: { attemptId, kind: "NOTE" } });
  assert.equal(note?.actorId, facUser.id);
});
