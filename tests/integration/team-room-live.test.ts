/**
 * The team room over a real live server (socket.io on an HTTP server, the
 * PostgreSQL bus, session cookies and an Origin header as a browser sends
 * them): "chat:send", "role:claim" and "inject:send" reach everyone in the
 * attempt's room as "timeline" events; refusals come back in the ack; a
 * scheduled game day reaches its team's members as "game-day".
 */
import "./support/env";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { io as connect, type Socket } from "socket.io-client";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { sessionCookieName } from "../../lib/auth/session-token";
import { scheduleGameDay } from "../../lib/game-days/schedule-game-day";
import { startGameDay } from "../../lib/game-days/start-game-day";
import { allowedOrigins } from "../../lib/live/authenticate-socket";
import { attachLiveServer, LIVE_PATH, type LiveServer } from "../../lib/live/server";
import type { TimelineEventView } from "../../lib/timeline/event-view";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { db, makeUser, signIn, uid } from "./support/people";

const ORIGIN = "http://localhost:3000";
type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

let http: Server;
let live: LiveServer;
let url: string;
const sockets: Socket[] = [];

before(async () => {
  http = createServer();
  live = attachLiveServer(http, { db, databaseUrl: process.env.DATABASE_URL!, origins: allowedOrigins(ORIGIN, "") });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  await live.ready;
});
after(async () => {
  for (const s of sockets) s.disconnect();
  await live.close();
  http.close();
  await db.$disconnect();
});

async function as(token: string): Promise<Socket> {
  const s = connect(url, {
    path: LIVE_PATH,
    transports: ["websocket"],
    extraHeaders: { origin: ORIGIN, cookie: `${sessionCookieName()}=${token}` },
    reconnection: false,
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  return s;
}

function request(s: Socket, event: string, payload: unknown): Promise<Ack> {
  return s.timeout(5000).emitWithAck(event, payload) as Promise<Ack>;
}

function next<T>(s: Socket, event: string, pick: (p: T) => boolean, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, on);
      reject(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    const on = (p: T) => {
      if (!pick(p)) return;
      clearTimeout(timer);
      s.off(event, on);
      resolve(p);
    };
    s.on(event, on);
  });
}

test("chat, roles and injects reach everyone in the room; refusals are answered", async () => {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const team = await db.team.create({ data: { name: `Live team ${uid()}` } });
  const pat = await signIn(await makeUser("PLAYER", { teamId: team.id, label: "Pat" }));
  const sam = await signIn(await makeUser("PLAYER", { teamId: team.id, label: "Sam" }));
  const outsider = await signIn(await makeUser("PLAYER"));
  const fac = await signIn(await makeUser("FACILITATOR"));
  const patSocket = await as(pat.token);
  const samSocket = await as(sam.token);
  const facSocket = await as(fac.token);
  const outsiderSocket = await as(outsider.token);

  // Scheduling reaches the team's members (their sockets are in the team's room from the start).
  const heardGameDay = next<{ gameDayId: string }>(samSocket, "game-day", () => true);
  const { gameDayId } = await scheduleGameDay(
    fac.actor,
    { title: "Live drill", teamId: team.id, levelId: await makeLevel(), scheduledAt: new Date() },
    deps,
  );
  assert.equal((await heardGameDay).gameDayId, gameDayId);
  const { attemptId } = await startGameDay(fac.actor, gameDayId, deps);
  fake.state = "ready";
  await refreshAttempt(pat.actor, attemptId, deps);

  for (const s of [patSocket, samSocket, facSocket]) assert.ok((await request(s, "attempt:join", { attemptId })).ok);
  const joinedOutsider = await request(outsiderSocket, "attempt:join", { attemptId });
  assert.equal(!joinedOutsider.ok && joinedOutsider.error.code, "NOT_FOUND");

  // Chat: Sam and the facilitator see Pat's message at once.
  const isChat = (e: TimelineEventView) => e.attemptId === attemptId && e.kind === "CHAT";
  const samHears = next<TimelineEventView>(samSocket, "timeline", isChat);
  const facHears = next<TimelineEventView>(facSocket, "timeline", isChat);
  const sent = await request(patSocket, "chat:send", { attemptId, text: "checking nginx" });
  assert.ok(sent.ok, JSON.stringify(sent));
  for (const e of [await samHears, await facHears]) {
    assert.equal(e.text, "checking nginx");
    assert.equal(e.actor?.id, pat.actor.id);
  }

  // Roles: Sam takes command; Pat sees it.
  const patHearsRole = next<TimelineEventView>(
    patSocket,
    "timeline",
    (e) => e.kind === "ROLE" && (e.data as { userId: string }).userId === sam.actor.id,
  );
  assert.ok((await request(samSocket, "role:claim", { attemptId, role: "COMMANDER" })).ok);
  assert.match((await patHearsRole).text, /is now incident commander/);

  // Injects: the facilitator's severity reaches the players; a player's is refused.
  const patHearsSeverity = next<TimelineEventView>(patSocket, "timeline", (e) => e.kind === "SEVERITY");
  const sev = await request(facSocket, "inject:send", { type: "severity", attemptId, severity: "SEV1" });
  assert.ok(sev.ok, JSON.stringify(sev));
  assert.equal((await patHearsSeverity).text, "Incident declared at SEV1");
  const byPlayer = await request(patSocket, "inject:send", { type: "severity", attemptId, severity: "SEV2" });
  assert.equal(!byPlayer.ok && byPlayer.error.code, "FORBIDDEN");
  const malformed = await request(facSocket, "inject:send", { type: "reboot", attemptId });
  assert.equal(!malformed.ok && malformed.error.code, "INVALID_INPUT");

  const byOutsider = await request(outsiderSocket, "chat:send", { attemptId, text: "let me in" });
  assert.equal(!byOutsider.ok && byOutsider.error.code, "NOT_FOUND");
  const byFacilitator = await request(facSocket, "chat:send", { attemptId, text: "hello" });
  assert.equal(!byFacilitator.ok && byFacilitator.error.code, "FORBIDDEN");
});
