/**
 * What crosses the app proxy: the sandbox on every answer, no cookie or credential
 * either way, redirects kept inside the grant; grants stand for a token until it expires.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { GRANT, Grants } from "./grants";
import { SANDBOX_CSP, browserResponseHeaders, upstreamRequestHeaders } from "./headers";

test("every answer is sandboxed without allow-same-origin, the app's own CSP kept beside it", () => {
  const out = browserResponseHeaders(
    { "content-type": "text/html", "content-security-policy": "default-src 'self'" },
    "/p",
  );
  assert.deepEqual(out["content-security-policy"], ["default-src 'self'", SANDBOX_CSP]);
  assert.match(SANDBOX_CSP, /^sandbox /);
  assert.doesNotMatch(SANDBOX_CSP, /allow-same-origin|allow-top-navigation|escape-sandbox/);
  assert.equal(browserResponseHeaders({}, "/p")["content-security-policy"]?.at(-1), SANDBOX_CSP);
  assert.equal(out["x-content-type-options"], "nosniff");
});

test("the environment cannot set or clear cookies, open CORS or pin HSTS on the game's host", () => {
  const out = browserResponseHeaders(
    {
      "set-cookie": ["next-auth.session-token=evil; Path=/", "a=b"],
      "clear-site-data": '"cookies"',
      "access-control-allow-origin": "http://localhost:3000",
      "access-control-allow-credentials": "true",
      "strict-transport-security": "max-age=99999999",
      "service-worker-allowed": "/",
      "x-request-id": "r1",
      "transfer-encoding": "chunked",
      connection: "keep-alive",
    },
    "/app/e/~g",
  );
  for (const h of [
    "set-cookie",
    "clear-site-data",
    "access-control-allow-origin",
    "access-control-allow-credentials",
    "strict-transport-security",
    "service-worker-allowed",
    "transfer-encoding",
    "connection",
  ])
    assert.equal(out[h], undefined, h);
  assert.equal(out["x-request-id"], "r1");
});

test("no cookie (the game's session included) and no credential goes to the environment", () => {
  const out = upstreamRequestHeaders(
    {
      cookie: "next-auth.session-token=secret; fd_app_token=t",
      authorization: "Bearer x",
      "proxy-authorization": "x",
      accept: "text/html",
      "content-type": "application/json",
      host: "localhost:4100",
    },
    { host: "10.0.0.2:80", prefix: "/app/e/~g", clientIp: "127.0.0.1" },
  );
  assert.equal(out.cookie, undefined);
  assert.equal(out.authorization, undefined);
  assert.equal(out["proxy-authorization"], undefined);
  assert.equal(out.host, "10.0.0.2:80");
  assert.equal(out.accept, "text/html");
  assert.equal(out["x-forwarded-prefix"], "/app/e/~g");
});

test("absolute redirects stay inside the grant; other sites' and protocol-relative ones are left alone", () => {
  assert.equal(browserResponseHeaders({ location: "/login" }, "/app/e/~g").location, "/app/e/~g/login");
  assert.equal(browserResponseHeaders({ location: "//evil.example/" }, "/app/e/~g").location, "//evil.example/");
  assert.equal(browserResponseHeaders({ location: "next" }, "/app/e/~g").location, "next");
});

test("grants: one per token, unknown or expired ones are nothing", () => {
  const grants = new Grants();
  const now = Date.now();
  const payload = { env: "e", attempt: "a", sub: "u", name: "", mode: "ro" as const, exp: Math.floor(now / 1000) + 60 };
  const id = grants.issue("tok", payload, now);
  assert.match(`~${id}/x`, GRANT);
  assert.equal(grants.issue("tok", payload, now), id);
  assert.notEqual(grants.issue("tok2", payload, now), id);
  assert.deepEqual(grants.get(id, now), payload);
  assert.equal(grants.get("x".repeat(32), now), undefined);
  assert.equal(grants.get(id, now + 61_000), undefined);
  assert.equal(grants.get(id, now), undefined); // forgotten once expired
});
