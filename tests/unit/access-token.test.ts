import assert from "node:assert/strict";
import { test } from "node:test";
import { signAccessToken, verifyAccessToken } from "../../lib/contracts/access-token";

const secret = "s".repeat(40);
const payload = { env: "env-1", attempt: "att-1", sub: "user-1", name: "Ada", mode: "rw" as const };

test("a signed token verifies and carries its payload", () => {
  const result = verifyAccessToken(signAccessToken(payload, secret), secret);
  assert.ok(result.ok);
  assert.equal(result.payload.env, "env-1");
  assert.equal(result.payload.mode, "rw");
});

test("a token signed with another secret is refused", () => {
  assert.deepEqual(verifyAccessToken(signAccessToken(payload, "x".repeat(40)), secret), {
    ok: false,
    reason: "bad-signature",
  });
});

test("a tampered payload is refused", () => {
  const [, sig] = signAccessToken(payload, secret).split(".");
  const forged = Buffer.from(JSON.stringify({ ...payload, env: "env-2", exp: 9999999999 })).toString("base64url");
  assert.deepEqual(verifyAccessToken(`${forged}.${sig}`, secret), { ok: false, reason: "bad-signature" });
});

test("an expired token is refused", () => {
  const token = signAccessToken(payload, secret, 60, Date.now() - 120_000);
  assert.deepEqual(verifyAccessToken(token, secret), { ok: false, reason: "expired" });
});

test("garbage is refused as malformed", () => {
  for (const t of ["", "abc", "a.b.c", "!!.??"]) assert.equal(verifyAccessToken(t, secret).ok, false);
});
