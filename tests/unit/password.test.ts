import assert from "node:assert/strict";
import { test } from "node:test";
import { hashPassword, verifyPassword } from "../../lib/auth/password";

test("hashes are scrypt$N$r$p$salt$hash with N=2^15, r=8, p=1 and a fresh salt each time", async () => {
  const a = await hashPassword("correct horse battery");
  const b = await hashPassword("correct horse battery");
  const [scheme, n, r, p, salt, key] = a.split("$");
  assert.equal(scheme, "scrypt");
  assert.equal(Number(n), 2 ** 15);
  assert.equal(Number(r), 8);
  assert.equal(Number(p), 1);
  assert.equal(Buffer.from(salt!, "base64url").length, 16);
  assert.equal(Buffer.from(key!, "base64url").length, 32);
  assert.notEqual(a, b, "salts differ");
});

test("the right password verifies, a wrong one does not", async () => {
  const h = await hashPassword("s3cret-enough");
  assert.equal(await verifyPassword("s3cret-enough", h), true);
  assert.equal(await verifyPassword("s3cret-enougH", h), false);
  assert.equal(await verifyPassword("", h), false);
});

test("unicode passwords are normalised, so the same text typed differently still verifies", async () => {
  const composed = "caf\u00e9-password";
  const decomposed = "cafe\u0301-password";
  assert.equal(await verifyPassword(decomposed, await hashPassword(composed)), true);
});

test("missing or malformed hashes never verify (and do not throw)", async () => {
  for (const stored of [
    null,
    undefined,
    "",
    "plain",
    "bcrypt$10$x",
    "scrypt$abc$8$1$c2FsdA$a2V5",
    "scrypt$3$8$1$c2FsdA$a2V5",
    "scrypt$1048577$8$1$c2FsdA$a2V5",
    "scrypt$16384$8$1$c2FsdA$a2V5$extra",
  ]) {
    assert.equal(await verifyPassword("anything", stored), false, String(stored));
  }
});

test("hashes with other (valid) parameters still verify: parameters come from the stored string", async () => {
  const { scryptSync, randomBytes } = await import("node:crypto");
  const salt = randomBytes(16);
  const key = scryptSync("older-password".normalize("NFKC"), salt, 32, { N: 2 ** 14, r: 8, p: 1 });
  const stored = ["scrypt", 2 ** 14, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
  assert.equal(await verifyPassword("older-password", stored), true);
});
