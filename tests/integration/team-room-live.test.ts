/**
 * The team room over a real live server (socket.io on an HTTP server, the
 * PostgreSQL bus, session cookies and an Origin header as a browser sends
 * them): "chat:send", "role:claim" and "inject:send" reach everyone in the
 * attempt's room as "timeline" events; refusals come back in the ack; a
 * scheduled game day reaches its team's members as "game-day". Who listens
 * is re-checked: demoted watchers leave, revoked sessions are disconnected.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { scheduleGameDay } from "../../lib/game-days/schedule-game-day";
import { startGameDay } from "../../lib/game-days/start-game-day";
import { evictStaleSockets } from "../../server/live/evict-stale-sockets";
import { publishLive } from "../../lib/bus/publish";
import type { TimelineEventView } from "../../lib/timeline/event-view";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { next, request, startLiveServer, type TestLiveServer } from "./support/live-server";
import { db, makeUser, signIn, uid } from "./support/people";

let server: TestLiveServer;

before(async () => {
  server = await startLiveServer();
});
after(async () => {
  await server.close();
  await db.$disconnect();
});

test("chat, roles and injects reach everyone in the room; refusals are answered", async () => {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const team = await db.team.create({ data: { name: `Live team ${uid()}` } });
  const pat = await signIn(await makeUser("PLAYER", { teamId: team.id, label: "Pat" }));
  const sam = await signIn(await makeUser("PLAYER", { teamId: team.id, label: "Sam" }));
  const outsider = await signIn(await makeUser("PLAYER"));
  const fac = await signIn(await makeUser("FACILITATOR"));
  const patSocket = await server.as(pat.token);
  const samSocket = await server.as(sam.token);
  const facSocket = await server.as(fac.token);
  const outsiderSocket = await server.as(outsider.token);

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

test("listening is re-checked: a demoted watcher leaves the room, a revoked session is disconnected", async () => {
  const player = await signIn(await makeUser("PLAYER"));
  const watcher = await signIn(await makeUser("FACILITATOR"));
  const revoked = await signIn(await makeUser("FACILITATOR"));
  const attempt = await db.attempt.create({
    data: {
      levelId: await makeLevel(),
      startedById: player.actor.id,
      variantSeed: uid(),
      params: {},
      members: { create: { userId: player.actor.id } },
    },
  });
  const watcherSocket = await server.as(watcher.token);
  const revokedSocket = await server.as(revoked.token);
  for (const s of [watcherSocket, revokedSocket])
    assert.ok((await request(s, "attempt:join", { attemptId: attempt.id })).ok);
  assert.equal(await evictStaleSockets(db, server.live.io), 0, "nobody is evicted while all may watch");

  await db.user.update({ where: { id: watcher.actor.id }, data: { role: "PLAYER" } });
  await db.session.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
  const closed = next<{ attemptId: string }>(watcherSocket, "attempt:closed", () => true);
  const ended = next<{ message: string }>(revokedSocket, "session-ended", () => true);
  const disconnected = new Promise<void>((resolve) => revokedSocket.once("disconnect", () => resolve()));
  assert.equal(await evictStaleSockets(db, server.live.io), 2);
  assert.equal((await closed).attemptId, attempt.id);
  assert.match((await ended).message, /session has ended/);
  await disconnected;

  // The demoted watcher no longer hears the room.
  const silent = next(watcherSocket, "attempt-changed", () => true, 1000).then(
    () => "heard",
    () => "silent",
  );
  await publishLive(db, { type: "attempt-changed", attemptId: attempt.id });
  assert.equal(await silent, "silent");
  assert.equal(watcherSocket.connected, true, "a valid session stays connected");
});
