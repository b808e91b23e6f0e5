/**
 * Revocation and expiry: a revoked session's or person's tokens are refused
 * (and stay refused after a restart), later ones pass, and what is open on a
 * token ends when it expires or is revoked.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { signAccessToken } from "../../lib/contracts/access-token";
import { isCode } from "../errors";
import { AccessControl } from "./access-control";
import { sameHolder } from "./open-sessions";

const secret = "s".repeat(32);
const claims = { env: "e1", attempt: "a1", sub: "u1", name: "Ada", mode: "rw" as const, sid: "sess-1" };

test("a revoked session's tokens are refused, also after a restart; another session's pass", () => {
  const dir = mkdtempSync(join(tmpdir(), "fd-access-"));
  const access = new AccessControl(secret, dir);
  const before = signAccessToken(claims, secret);
  access.verify(before);
  access.revoke({ sessions: ["sess-1"] });
  assert.throws(
    () => access.verify(before),
    (e) => isCode(e, "unauthorized") && /revoked/.test(e.message),
  );
  assert.doesNotThrow(() => access.verify(signAccessToken({ ...claims, sid: "sess-2" }, secret)));
  const restarted = new AccessControl(secret, dir);
  assert.throws(
    () => restarted.verify(before),
    (e) => isCode(e, "unauthorized"),
  );
});

test("a revoked person's tokens issued until then are refused; tokens issued afterwards pass", () => {
  const access = new AccessControl(secret);
  const now = Date.now();
  const old = signAccessToken({ ...claims, sid: undefined }, secret, 300, now - 5_000);
  access.revocations.revoke({ users: ["u1"] }, now - 2_000);
  assert.throws(
    () => access.verify(old),
    (e) => isCode(e, "unauthorized"),
  );
  assert.doesNotThrow(() => access.verify(signAccessToken(claims, secret, 300, now)));
  assert.doesNotThrow(() => access.verify(signAccessToken({ ...claims, sub: "u2" }, secret, 300, now - 5_000)));
});

test("tokens living longer than the maximum are refused", () => {
  const access = new AccessControl(secret);
  assert.throws(
    () => access.verify(signAccessToken(claims, secret, 3600)),
    (e) => isCode(e, "unauthorized"),
  );
});

test("open sessions end on revocation at once and on expiry at the next sweep", () => {
  const access = new AccessControl(secret);
  const ended: string[] = [];
  const now = Date.now();
  const live = access.verify(signAccessToken(claims, secret));
  const other = access.verify(signAccessToken({ ...claims, sub: "u2", sid: "sess-9" }, secret));
  const soon = { ...other, exp: Math.floor(now / 1000) + 1 };
  access.sessions.add({ payload: live, end: (r) => ended.push(`live:${r}`) });
  access.sessions.add({ payload: other, end: (r) => ended.push(`other:${r}`) });
  access.sessions.add({ payload: soon, end: (r) => ended.push(`soon:${r}`) });
  assert.equal(access.revoke({ sessions: ["sess-1"] }), 1);
  assert.deepEqual(ended, ["live:revoked"]);
  assert.equal(
    access.sessions.sweep(() => false, now + 2_000),
    1,
  );
  assert.deepEqual(ended, ["live:revoked", "soon:expired"]);
  assert.equal(access.sessions.size, 1);
});

test("a fresh token replaces a socket's only for the same person, environment, attempt, mode and session", () => {
  const a = { ...claims, exp: 1 };
  assert.equal(sameHolder(a, { ...a, exp: 2 }), true);
  for (const change of [{ sub: "u2" }, { env: "e2" }, { attempt: "a2" }, { mode: "ro" as const }, { sid: "s9" }])
    assert.equal(sameHolder(a, { ...a, ...change }), false, JSON.stringify(change));
});
