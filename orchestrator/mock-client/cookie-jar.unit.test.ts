import assert from "node:assert/strict";
import { test } from "node:test";
import { CookieJar } from "./cookie-jar";

test("cookies set by a response are sent back on later requests, as a browser does", () => {
  const jar = new CookieJar();
  const t = 1_000_000;
  assert.equal(jar.header("/", t), undefined);
  jar.store(["sid=abc123; Path=/; HttpOnly; SameSite=Lax", "theme=dark"], "/", t);
  assert.equal(jar.header("/api/products", t), "sid=abc123; theme=dark");
  // Set again: the new value replaces the old one.
  jar.store("sid=def456; Path=/", "/api/users", t);
  assert.equal(jar.header("/", t), "sid=def456; theme=dark");
});

test("Path scopes a cookie; the default path is the request's directory", () => {
  const jar = new CookieJar();
  jar.store("cart=1; Path=/api", "/", 0);
  jar.store("step=2", "/signup/details", 0);
  assert.equal(jar.header("/", 0), undefined);
  assert.equal(jar.header("/apiary", 0), undefined);
  assert.equal(jar.header("/api/products?q=oak", 0), "cart=1");
  assert.equal(jar.header("/signup/details", 0), "step=2");
  assert.equal(jar.header("/signup", 0), "step=2");
  // More specific paths first.
  jar.store("a=root; Path=/", "/", 0);
  assert.equal(jar.header("/api/uploads", 0), "cart=1; a=root");
});

test("Max-Age and Expires end a cookie; Max-Age=0 or a past date deletes it; Secure is not kept over http", () => {
  const jar = new CookieJar();
  const t = Date.parse("2026-12-01T00:00:00Z");
  jar.store(["short=1; Max-Age=10", "long=2; Expires=Wed, 01 Dec 2027 00:00:00 GMT", "sec=3; Secure"], "/", t);
  assert.equal(jar.header("/", t + 5_000), "short=1; long=2");
  assert.equal(jar.header("/", t + 11_000), "long=2");
  jar.store("long=gone; Max-Age=0", "/", t);
  assert.equal(jar.header("/", t), undefined);
  jar.store("x=1", "/", t);
  jar.store("x=; Expires=Thu, 01 Jan 1970 00:00:00 GMT", "/", t);
  assert.equal(jar.header("/", t), undefined);
  // Max-Age wins over Expires.
  jar.store("y=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60", "/", t);
  assert.equal(jar.header("/", t), "y=1");
});

test("junk Set-Cookie lines are ignored and the jar stays small", () => {
  const jar = new CookieJar();
  jar.store(["", "=novalue", "noequals", "  ; Path=/"], "/", 0);
  assert.equal(jar.size(), 0);
  for (let i = 0; i < 80; i++) jar.store(`c${i}=${i}`, "/", 0);
  assert.equal(jar.size(), 50);
  assert.ok(jar.header("/", 0)?.includes("c79=79"));
  assert.ok(!jar.header("/", 0)?.includes("c0=0;"));
});
