/**
 * Session replay against real PostgreSQL: who may list and download an
 * attempt's terminal recordings (members, facilitators, admins, the team's
 * lead; anyone else is told it does not exist), the recordings proxied from a
 * fake orchestrator through the real HTTP client, the replay's one time axis,
 * and a clear error when the orchestrator cannot be reached.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { NextRequest } from "next/server";
import { checkFix } from "../../lib/attempts/check-fix";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { startAttempt } from "../../lib/attempts/start-attempt";
import type { Actor } from "../../lib/auth/actor";
import { sessionCookieName } from "../../server/auth/session-token";
import { env } from "../../lib/env";
import { isAppError, type ErrorCode } from "../../lib/errors";
import { getAttemptRecording } from "../../lib/replay/get-attempt-recording";
import { listAttemptRecordings } from "../../lib/replay/list-attempt-recordings";
import { loadReplay } from "../../lib/replay/load-replay";
import { createTeam } from "../../lib/teams/create-team";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { db, makeUser, signIn, uid } from "./support/people";

async function rejectsWith(p: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(p, (err: unknown) => isAppError(err) && err.code === code);
}

/** A team with a lead, a player on it who played an attempt with one recorded shell. */
async function playedWithRecording() {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const admin = await makeUser("ADMIN");
  const lead = await makeUser("LEAD");
  const team = await createTeam(admin, { name: `Replay team ${uid()}`, leadId: lead.id });
  const player = await makeUser("PLAYER", { teamId: team.id });
  const { attemptId } = await startAttempt(player, { levelId: await makeLevel() }, deps);
  fake.state = "ready";
  await refreshAttempt(player, attemptId, deps); // records the SLI going down
  await checkFix(player, attemptId, deps); // a failed check
  const envId = `env-${attemptId}`;
  const cast = fake.addRecording(envId, {
    session: "sess-1",
    instance: "proxy",
    startedAt: new Date(Date.now() - 5_000),
    events: [
      [0.5, "o", "$ "],
      [1, "i", "nginx -t\r"],
      [1.25, "o", "nginx -t\r\nsyntax is ok\r\n"],
    ],
  });
  return { fake, deps, admin, lead, player, attemptId, envId, cast };
}

test("members, facilitators, admins and the team's lead list and fetch recordings; another player is told nothing exists", async () => {
  const { deps, admin, lead, player, attemptId, cast } = await playedWithRecording();
  const facilitator = await makeUser("FACILITATOR");
  for (const who of [player, facilitator, admin, lead]) {
    const list = await listAttemptRecordings(who, attemptId, deps);
    assert.deepEqual(
      list.map((r) => [r.session, r.instance, r.fileName, r.url]),
      [["sess-1", "proxy", `${attemptId}-proxy-sess-1.cast`, `/api/attempts/${attemptId}/recordings/sess-1`]],
      who.role,
    );
    const got = await getAttemptRecording(who, attemptId, "sess-1", deps);
    assert.equal(await new Response(got.body).text(), cast);
    assert.equal(got.fileName, `${attemptId}-proxy-sess-1.cast`);
  }
  const stranger = await makeUser("PLAYER");
  const otherLead = await makeUser("LEAD");
  for (const who of [stranger, otherLead]) {
    await rejectsWith(listAttemptRecordings(who, attemptId, deps), "NOT_FOUND");
    await rejectsWith(getAttemptRecording(who, attemptId, "sess-1", deps), "NOT_FOUND");
    await rejectsWith(loadReplay(who, attemptId, deps), "NOT_FOUND");
  }
});

test("recording ids are checked before the orchestrator is asked; an unknown one is not found", async () => {
  const { fake, deps, player, attemptId } = await playedWithRecording();
  let asked = 0;
  const client = fake.client();
  const counting = {
    ...deps,
    orchestrator: {
      ...client,
      getRecording: (id: string, session: string) => (asked++, client.getRecording(id, session)),
    },
  };
  for (const bad of ["../sess-1", "..", "sess-1/../../x", "a b", "", "x".repeat(80)])
    await rejectsWith(getAttemptRecording(player, attemptId, bad, counting), "NOT_FOUND");
  assert.equal(asked, 0);
  await rejectsWith(getAttemptRecording(player, attemptId, "sess-2", counting), "NOT_FOUND");
  assert.equal(asked, 1);
});

test("the replay: one time axis from the start over events and recordings; the timeline survives an unreachable orchestrator", async () => {
  const { fake, deps, player, attemptId } = await playedWithRecording();
  const replay = await loadReplay(player, attemptId, deps);
  assert.equal(replay.mode, "rw");
  assert.equal(replay.recordingsError, null);
  assert.deepEqual(
    replay.recordings.map((r) => r.session),
    ["sess-1"],
  );
  const kinds = replay.events.map((e) => e.kind);
  for (const k of ["SYSTEM", "SLI", "CHECK"] as const) assert.ok(kinds.includes(k), `${k} in ${kinds.join(",")}`);
  const start = Date.parse(replay.bounds.start);
  const end = Date.parse(replay.bounds.end);
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(start, attempt.startedAt.getTime());
  assert.equal(end - start, replay.bounds.durationMs);
  for (const e of replay.events) assert.ok(Date.parse(e.at) <= end, "every event is on the axis");

  fake.unreachable = true;
  const offline = await loadReplay(player, attemptId, deps);
  assert.match(offline.recordingsError ?? "", /cannot be reached/);
  assert.deepEqual(offline.recordings, []);
  assert.equal(offline.events.length, replay.events.length);
});

test("an attempt whose player never opened a shell has no recordings (empty state, not an error)", async () => {
  const fake = new FakeOrchestrator();
  const deps = fake.deps();
  const player = await makeUser("PLAYER");
  const { attemptId } = await startAttempt(player, { levelId: await makeLevel() }, deps);
  assert.deepEqual(await listAttemptRecordings(player, attemptId, deps), []);
  const replay = await loadReplay(player, attemptId, deps);
  assert.deepEqual(replay.recordings, []);
  assert.equal(replay.recordingsError, null);
  assert.ok(replay.events.length >= 1);
});

// ─── Through the route handlers and the real orchestrator client ──────────────

/** Answers the orchestrator's recording endpoints from a fake, at ORCHESTRATOR_URL, as the real server would. */
function serveOrchestrator(fake: FakeOrchestrator): { asked: string[]; restore: () => void } {
  const real = globalThis.fetch;
  const origin = new URL(env().ORCHESTRATOR_URL).origin;
  const asked: string[] = [];
  const client = fake.client();
  const reply = (status: number, code: string, message: string) =>
    Response.json({ error: { code, message } }, { status });
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (url.origin !== origin) return real(input, init);
    asked.push(url.pathname);
    if (fake.unreachable) throw new TypeError("fetch failed");
    const auth = new Headers(init?.headers).get("authorization");
    if (auth !== `Bearer ${env().ORCHESTRATOR_SECRET}`) return reply(401, "unauthorized", "bearer");
    const m = /^\/environments\/([^/]+)\/recordings(?:\/([^/]+))?$/.exec(url.pathname);
    if (!m) return reply(404, "not_found", "no route");
    const id = decodeURIComponent(m[1]!);
    if (!m[2]) return Response.json(await client.listRecordings(id));
    try {
      const cast = await client.getRecording(id, decodeURIComponent(m[2]));
      return new Response(cast.body, { headers: { "content-type": "application/x-asciicast" } });
    } catch {
      return reply(404, "not_found", "recording not found");
    }
  };
  return { asked, restore: () => (globalThis.fetch = real) };
}

async function callRoute(actor: Actor | null, attemptId: string, session?: string): Promise<Response> {
  const cookie = actor ? `${sessionCookieName()}=${(await signIn(actor)).token}` : "";
  const path = `/api/attempts/${attemptId}/recordings${session === undefined ? "" : `/${encodeURIComponent(session)}`}`;
  const req = new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });
  if (session === undefined) {
    const { GET } = await import("../../app/api/attempts/[id]/recordings/route");
    return GET(req, { params: Promise.resolve({ id: attemptId }) });
  }
  const { GET } = await import("../../app/api/attempts/[id]/recordings/[session]/route");
  return GET(req, { params: Promise.resolve({ id: attemptId, session }) });
}

let restoreFetch: (() => void) | undefined;
after(() => restoreFetch?.());

test("routes: list and download with the attempt's name on the file; other player 404; signed out 401; offline 503", async () => {
  const { fake, lead, player, attemptId, envId, cast } = await playedWithRecording();
  const served = serveOrchestrator(fake);
  restoreFetch = served.restore;
  try {
    const facilitator = await makeUser("FACILITATOR");
    for (const who of [player, facilitator, lead]) {
      const list = await callRoute(who, attemptId);
      assert.equal(list.status, 200, who.role);
      const body = (await list.json()) as { recordings: { session: string; instance: string; bytes: number }[] };
      assert.deepEqual(
        body.recordings.map((r) => [r.session, r.instance, r.bytes]),
        [["sess-1", "proxy", Buffer.byteLength(cast)]],
      );
      const file = await callRoute(who, attemptId, "sess-1");
      assert.equal(file.status, 200, who.role);
      assert.match(file.headers.get("content-type") ?? "", /^application\/x-asciicast/);
      assert.equal(file.headers.get("content-disposition"), `attachment; filename="${attemptId}-proxy-sess-1.cast"`);
      assert.equal(await file.text(), cast);
    }
    assert.ok(served.asked.includes(`/environments/${envId}/recordings/sess-1`));

    const stranger = await makeUser("PLAYER");
    const before = served.asked.length;
    for (const res of [await callRoute(stranger, attemptId), await callRoute(stranger, attemptId, "sess-1")]) {
      assert.equal(res.status, 404);
      assert.doesNotMatch(await res.text(), /nginx -t/);
    }
    assert.equal(served.asked.length, before, "a refused caller never reaches the orchestrator");
    assert.equal((await callRoute(null, attemptId)).status, 401);
    assert.equal((await callRoute(player, attemptId, "../../sess-1")).status, 404);
    assert.equal((await callRoute(player, attemptId, "missing")).status, 404);

    fake.unreachable = true;
    const offline = await callRoute(player, attemptId);
    assert.equal(offline.status, 503);
    const error = ((await offline.json()) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, "UNAVAILABLE");
    assert.match(error.message, /environment service cannot be reached/);
    assert.equal((await callRoute(player, attemptId, "sess-1")).status, 503);
  } finally {
    served.restore();
  }
});
