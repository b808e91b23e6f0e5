import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { actorFromToken, checkAccess } from "../../server/auth/check-access";
import { resolveSession } from "../../lib/auth/resolve-session";
import { encodeSessionToken } from "../../server/auth/session-token";
import { revokeSession } from "../../lib/sessions/revoke-session";
import { revokeUserSessions } from "../../lib/sessions/revoke-user-sessions";
import { listUserSessions } from "../../lib/sessions/list-user-sessions";
import { setUserDisabled } from "../../lib/users/set-user-disabled";
import { db, makeUser, signIn } from "./support/people";

after(() => db.$disconnect());

test("a valid session resolves to its user, with the session id", async () => {
  const user = await makeUser("LEAD");
  const { token, sessionId } = await signIn(user);
  const actor = await actorFromToken(db, token);
  assert.deepEqual(actor, { ...user, sessionId });
});

test("an admin revoking a session ends it on the very next request", async () => {
  const admin = (await signIn(await makeUser("ADMIN"))).actor;
  const player = await makeUser("PLAYER");
  const { token, sessionId } = await signIn(player);
  assert.equal((await checkAccess(db, token, "play")).allowed, true);
  await revokeSession(admin, { sessionId });
  const after = await checkAccess(db, token, "play");
  assert.deepEqual(after, { allowed: false, reason: "signed-out", actor: null });
  const listed = await listUserSessions(admin, player.id);
  assert.equal(listed.find((s) => s.id === sessionId)?.state, "revoked");
});

test("expired sessions, unknown ids and forged tokens resolve to nobody", async () => {
  const user = await makeUser("PLAYER");
  const { sessionId } = await signIn(user);
  await db.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.equal(await resolveSession(db, sessionId), null);
  assert.equal(await actorFromToken(db, await encodeSessionToken("no-such-session", user.id)), null);
  assert.equal(await actorFromToken(db, "not-a-jwt"), null);
  assert.equal(await actorFromToken(db, undefined), null);
  const { encode } = await import("next-auth/jwt");
  const live = await signIn(user);
  const forged = await encode({ token: { sid: live.sessionId }, secret: "another-secret-another-secret-00000" });
  assert.equal(await actorFromToken(db, forged), null, "signed with another secret");
});

test("disabling someone ends all their sessions in the same transaction", async () => {
  const admin = (await signIn(await makeUser("ADMIN"))).actor;
  const player = await makeUser("PLAYER");
  const a = await signIn(player);
  const b = await signIn(player);
  await setUserDisabled(admin, { userId: player.id, disabled: true });
  assert.equal(await actorFromToken(db, a.token), null);
  assert.equal(await actorFromToken(db, b.token), null);
  assert.equal(await db.session.count({ where: { userId: player.id, revokedAt: null } }), 0);
  // Re-enabling does not bring old sessions back.
  await setUserDisabled(admin, { userId: player.id, disabled: false });
  assert.equal(await actorFromToken(db, a.token), null);
});

test("a disabled user's session stops working even if the row was not revoked", async () => {
  const user = await makeUser("FACILITATOR");
  const { token } = await signIn(user);
  await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  assert.equal(await actorFromToken(db, token), null);
});

test("revoke all: signs someone out everywhere, but an admin keeps the session they are using", async () => {
  const admin = await makeUser("ADMIN");
  const current = await signIn(admin);
  const other = await signIn(admin);
  const { revoked } = await revokeUserSessions(current.actor, { userId: admin.id });
  assert.equal(revoked, 1);
  assert.ok(await actorFromToken(db, current.token));
  assert.equal(await actorFromToken(db, other.token), null);
});

test("lastSeenAt is refreshed on use (at most once a minute)", async () => {
  const user = await makeUser("PLAYER");
  const { sessionId } = await signIn(user);
  const old = new Date(Date.now() - 5 * 60_000);
  await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: old } });
  await resolveSession(db, sessionId);
  const seen = (await db.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
  assert.ok(seen.getTime() > old.getTime() + 60_000);
});
