/** The browser's CORS rules (levels/_lib/cors.ts) that the mock client enforces and the cors check judges with. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  corsCheck,
  needsPreflight,
  preflightCheck,
  preflightHeaders,
  unsafeHeaders,
  varyProblem,
  type CorsRequest,
} from "../_lib/cors";

const ORIGIN = "http://www.shop.test";
const get = (over: Partial<CorsRequest> = {}): CorsRequest => ({
  origin: ORIGIN,
  method: "GET",
  headers: {},
  credentials: true,
  ...over,
});

test("preflight: needed for a non-simple method or a header that is not safelisted, as a browser decides", () => {
  assert.equal(needsPreflight({ method: "GET", headers: {} }), false);
  assert.equal(needsPreflight({ method: "POST", headers: { "content-type": "text/plain;charset=utf-8" } }), false);
  assert.equal(needsPreflight({ method: "POST", headers: { "Content-Type": "application/json" } }), true);
  assert.equal(needsPreflight({ method: "GET", headers: { "X-Requested-With": "fetch" } }), true);
  assert.equal(needsPreflight({ method: "PUT", headers: {} }), true);
  assert.equal(needsPreflight({ method: "delete", headers: {} }), true);
  assert.equal(
    needsPreflight({ method: "GET", headers: { accept: "application/json", "accept-language": "fr" } }),
    false,
  );
  assert.equal(needsPreflight({ method: "GET", headers: { accept: "x".repeat(129) } }), true);
});

test("preflight: asks for the method and the unsafe headers, lower case and sorted, without the safelisted ones", () => {
  const req = get({
    method: "post",
    headers: { "X-Requested-With": "fetch", "Content-Type": "application/json", Accept: "application/json" },
  });
  assert.deepEqual(unsafeHeaders(req.headers), ["content-type", "x-requested-with"]);
  assert.deepEqual(preflightHeaders(req), {
    origin: ORIGIN,
    "access-control-request-method": "POST",
    "access-control-request-headers": "content-type,x-requested-with",
  });
  assert.deepEqual(preflightHeaders(get({ method: "PUT" })), {
    origin: ORIGIN,
    "access-control-request-method": "PUT",
  });
});

test("answer: the exact origin with credentials allowed passes; a missing header, another origin or no credentials fail", () => {
  const ok = { "access-control-allow-origin": ORIGIN, "access-control-allow-credentials": "true" };
  assert.deepEqual(corsCheck(get(), ok), { ok: true });
  assert.equal(corsCheck(get(), {}).ok, false);
  assert.equal(corsCheck(get(), { ...ok, "access-control-allow-origin": "https://www.shop.test" }).ok, false);
  assert.equal(corsCheck(get(), { ...ok, "access-control-allow-origin": "http://www.shop.test/" }).ok, false);
  assert.equal(corsCheck(get(), { ...ok, "access-control-allow-origin": "HTTP://WWW.SHOP.TEST" }).ok, false);
  assert.equal(corsCheck(get(), { "access-control-allow-origin": ORIGIN }).ok, false);
  assert.equal(corsCheck(get(), { ...ok, "access-control-allow-credentials": "True" }).ok, false);
  // Without credentials, Allow-Credentials does not matter.
  assert.deepEqual(corsCheck(get({ credentials: false }), { "access-control-allow-origin": ORIGIN }), { ok: true });
});

test("answer: * is refused with credentials and accepted without them", () => {
  const star = { "access-control-allow-origin": "*", "access-control-allow-credentials": "true" };
  const refused = corsCheck(get(), star);
  assert.equal(refused.ok, false);
  assert.match((refused as { reason: string }).reason, /\* on a request with credentials/);
  assert.deepEqual(corsCheck(get({ credentials: false }), { "access-control-allow-origin": "*" }), { ok: true });
});

test("answer: a reflected origin passes for that origin only, and two values (a header added twice) are refused", () => {
  const reflect = (o: string) => ({ "access-control-allow-origin": o, "access-control-allow-credentials": "true" });
  assert.equal(corsCheck(get(), reflect(ORIGIN)).ok, true);
  assert.equal(corsCheck(get({ origin: "http://evil.test" }), reflect("http://evil.test")).ok, true);
  assert.equal(corsCheck(get(), reflect("http://evil.test")).ok, false);
  const twice = corsCheck(get(), { ...reflect(ORIGIN), "access-control-allow-origin": `${ORIGIN}, ${ORIGIN}` });
  assert.equal(twice.ok, false);
  assert.match((twice as { reason: string }).reason, /several values/);
});

test("preflight answer: ok status, the CORS check, the method and each requested header", () => {
  const req = get({ method: "POST", headers: { "content-type": "application/json", "x-requested-with": "fetch" } });
  const good = {
    "access-control-allow-origin": ORIGIN,
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": "GET, POST",
    "access-control-allow-headers": "Content-Type, X-Requested-With",
  };
  assert.deepEqual(preflightCheck(req, 204, good), { ok: true });
  assert.deepEqual(preflightCheck(req, 200, good), { ok: true });
  assert.match((preflightCheck(req, 404, good) as { reason: string }).reason, /answered 404/);
  assert.match(
    (preflightCheck(req, 204, {}) as { reason: string }).reason,
    /preflight: no Access-Control-Allow-Origin/,
  );
  const noCt = preflightCheck(req, 204, { ...good, "access-control-allow-headers": "x-requested-with" });
  assert.match((noCt as { reason: string }).reason, /content-type is not allowed/);
  // Simple methods need no Allow-Methods; others do, case-sensitively.
  assert.deepEqual(preflightCheck(req, 204, { ...good, "access-control-allow-methods": "" }), { ok: true });
  const put = get({ method: "PUT" });
  assert.equal(preflightCheck(put, 204, good).ok, false);
  assert.equal(preflightCheck(put, 204, { ...good, "access-control-allow-methods": "GET, put" }).ok, false);
  assert.equal(preflightCheck(put, 204, { ...good, "access-control-allow-methods": "GET, PUT" }).ok, true);
});

test("preflight answer: the * wildcards count only without credentials, and never cover Authorization", () => {
  const req = (credentials: boolean, headers: Record<string, string>) => get({ method: "PUT", headers, credentials });
  const wild = {
    "access-control-allow-origin": ORIGIN,
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": "*",
    "access-control-allow-headers": "*",
  };
  assert.equal(preflightCheck(req(false, { "x-a": "1" }), 204, wild).ok, true);
  assert.equal(preflightCheck(req(true, { "x-a": "1" }), 204, wild).ok, false);
  assert.equal(preflightCheck(req(false, { authorization: "Bearer x" }), 204, wild).ok, false);
  assert.equal(
    preflightCheck(req(false, { authorization: "Bearer x" }), 204, {
      ...wild,
      "access-control-allow-headers": "*, Authorization",
    }).ok,
    true,
  );
});

test("Vary: an answer that changes with the Origin must say Vary: Origin", () => {
  const allowed = { "access-control-allow-origin": ORIGIN, vary: "Accept-Encoding, Origin" };
  assert.equal(varyProblem(allowed, {}), null);
  assert.equal(varyProblem({ ...allowed, vary: "*" }, {}), null);
  assert.match(varyProblem({ "access-control-allow-origin": ORIGIN }, {}) ?? "", /Vary: Origin/);
  assert.match(varyProblem({ ...allowed, vary: "Accept-Encoding" }, {}) ?? "", /Vary: Origin/);
  // The same answer for every origin (a fixed single origin) needs no Vary.
  const fixed = { "access-control-allow-origin": ORIGIN };
  assert.equal(varyProblem(fixed, fixed), null);
});
