/**
 * Every way a session ends tells the orchestrator (POST /revocations with the
 * shared secret): revoking one session, revoking all of a person's (not the
 * admin's own), disabling a person. An unreachable orchestrator does not undo
 * or fail the revocation here.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { env } from "../../lib/env";
import { revokeSession } from "../../lib/sessions/revoke-session";
import { revokeUserSessions } from "../../lib/sessions/revoke-user-sessions";
import { setUserDisabled } from "../../lib/users/set-user-disabled";
import { db, makeUser, signIn } from "./support/people";

const real = globalThis.fetch;
let heard: { auth: string | null; body: unknown }[] = [];
let down = false;

beforeEach(() => {
  heard = [];
  down = false;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (url.origin !== new URL(env().ORCHESTRATOR_URL).origin) return real(input, init);
    if (down) throw new TypeError("fetch failed");
    assert.equal(url.pathname, "/revocations");
    heard.push({ auth: new Headers(init?.headers).get("authorization"), body: JSON.parse(init?.body as string) });
    return Response.json({ ended: 1 });
  };
});
after(async () => {
  globalThis.fetch = real;
  await db.$disconnect();
});

test("revoking one session names it to the orchestrator, with the shared secret", async () => {
  const admin = (await signIn(await makeUser("ADMIN"))).actor;
  const { sessionId } = await signIn(await makeUser("PLAYER"));
  await revokeSession(admin, { sessionId });
  assert.deepEqual(heard, [{ auth: `Bearer ${env().ORCHESTRATOR_SECRET}`, body: { sessions: [sessionId] } }]);
});

test("revoke all names each revoked session, never the admin's own", async () => {
  const me = await signIn(await makeUser("ADMIN"));
  const a = await signIn(me.actor);
  const b = await signIn(me.actor);
  await revokeUserSessions(me.actor, { userId: me.actor.id });
  const named = (heard[0]?.body as { sessions: string[] }).sessions.sort();
  assert.deepEqual(named, [a.sessionId, b.sessionId].sort());
  assert.ok(!named.includes(me.sessionId));
});

test("disabling a person revokes every token they hold", async () => {
  const admin = (await signIn(await makeUser("ADMIN"))).actor;
  const player = await makeUser("PLAYER");
  await signIn(player);
  await setUserDisabled(admin, { userId: player.id, disabled: true });
  assert.deepEqual(
    heard.map((h) => h.body),
    [{ users: [player.id] }],
  );
});

test("an unreachable orchestrator does not undo or fail the revocation", async () => {
  down = true;
  const admin = (await signIn(await makeUser("ADMIN"))).actor;
  const { sessionId } = await signIn(await makeUser("PLAYER"));
  await revokeSession(admin, { sessionId });
  assert.ok((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt);
});
