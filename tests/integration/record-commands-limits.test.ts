/**
 * The timeline's command log (POST /api/attempts/[id]/commands) takes only what
 * the attempt's own players send from the game's pages, within a size cap and a
 * rate limit. Each case below is the attack, through the real route handler.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { NextRequest } from "next/server";
import { POST } from "../../app/api/attempts/[id]/commands/route";
import { type Actor } from "../../lib/auth/actor";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { COMMAND_LIMIT } from "../../lib/attempts/record-commands";
import { startAttempt } from "../../lib/attempts/start-attempt";
import { sessionCookieName } from "../../server/auth/session-token";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { db, makeUser, signIn } from "./support/people";

const GAME = "http://localhost:3000";

after(() => db.$disconnect());

async function playing() {
  const fake = new FakeOrchestrator();
  const player = await makeUser("PLAYER");
  const { attemptId } = await startAttempt(player, { levelId: await makeLevel() }, fake.deps());
  fake.state = "ready";
  await refreshAttempt(player, attemptId, fake.deps());
  return { player, attemptId };
}

async function send(who: Actor, attemptId: string, body: unknown, headers: Record<string, string> = { origin: GAME }) {
  const { token } = await signIn(who);
  const res = await POST(
    new NextRequest(`${GAME}/api/attempts/${attemptId}/commands`, {
      method: "POST",
      headers: { cookie: `${sessionCookieName()}=${token}`, "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: attemptId }) },
  );
  return {
    status: res.status,
    body: (await res.json()) as { recorded?: number; error?: { code: string; message: string } },
  };
}

const commands = (n: number, command = "ls -la") =>
  Array.from({ length: n }, () => ({ instance: "proxy", command, at: new Date().toISOString() }));

const recorded = (attemptId: string) => db.timelineEvent.count({ where: { attemptId, kind: "COMMAND" } });

test("the attempt's player, from the game's page, is recorded", async () => {
  const { player, attemptId } = await playing();
  const ok = await send(player, attemptId, { commands: commands(3) });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.recorded, 3);
  assert.equal(await recorded(attemptId), 3);
});

test("nobody else writes into a player's timeline: watchers, strangers, other sites, scripts", async () => {
  const { player, attemptId } = await playing();
  const facilitator = await makeUser("FACILITATOR");
  const stranger = await makeUser("PLAYER");
  const forged = { commands: commands(1, "rm -rf / # typed by someone else") };
  assert.equal((await send(facilitator, attemptId, forged)).status, 403, "a watching facilitator");
  assert.equal((await send(stranger, attemptId, forged)).status, 404, "another player");
  const fromApp = await send(player, attemptId, forged, {
    origin: "http://localhost:4100",
    "sec-fetch-site": "same-site",
  });
  assert.equal(fromApp.status, 403, "the player's cookie sent by a page on the player's app");
  const script = await send(player, attemptId, forged, {});
  assert.equal(script.status, 403, "no Origin: not the game's page");
  assert.match(script.body.error?.message ?? "", /game's own pages/);
  assert.equal(await recorded(attemptId), 0);
});

test("size: an oversized body is 413, too many lines or too long a line is 400, nothing recorded", async () => {
  const { player, attemptId } = await playing();
  const huge = JSON.stringify({ commands: commands(1, "x".repeat(400 * 1024)) });
  const big = await send(player, attemptId, huge);
  assert.equal(big.status, 413);
  assert.equal(big.body.error?.code, "PAYLOAD_TOO_LARGE");
  assert.equal((await send(player, attemptId, { commands: commands(51) })).status, 400);
  assert.equal((await send(player, attemptId, { commands: commands(1, "y".repeat(2001)) })).status, 400);
  assert.equal((await send(player, attemptId, "{ not json")).status, 400);
  assert.equal(await recorded(attemptId), 0);
});

test("rate: past the limit a player's flood is 429, backdated commands count too", async () => {
  const { player, attemptId } = await playing();
  // Already recorded in the window, claiming times up to nine minutes ago.
  await db.timelineEvent.createMany({
    data: Array.from({ length: COMMAND_LIMIT - 10 }, (_, i) => ({
      attemptId,
      kind: "COMMAND" as const,
      actorId: player.id,
      at: new Date(Date.now() - (i % 540) * 1000),
      data: { instance: "proxy", command: "yes" },
    })),
  });
  assert.equal((await send(player, attemptId, { commands: commands(10) })).status, 200, "up to the limit");
  const over = await send(player, attemptId, { commands: commands(1) });
  assert.equal(over.status, 429);
  assert.equal(over.body.error?.code, "RATE_LIMITED");
  assert.match(over.body.error?.message ?? "", /at most 1000/);
  assert.equal(await recorded(attemptId), COMMAND_LIMIT);
});
