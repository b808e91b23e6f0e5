import assert from "node:assert/strict";
import { test } from "node:test";
import { MockRequestSchema } from "../../lib/levels/manifest-schema";
import { getPath, judge } from "./judge";
import { expandJson, expandRequestPath, pickRequest } from "./pick-request";
import { percentile, SliWindow } from "./sli-window";

const req = MockRequestSchema.parse({
  name: "list",
  path: "/api/products?page=1",
  expect: { status: 200, jsonHas: ["items", "meta.total"], nonEmptyArray: "items", maxMs: 500 },
});

test("judge: a good answer passes", () => {
  assert.deepEqual(judge(req, { status: 200, ms: 20, body: JSON.stringify({ items: [1], meta: { total: 1 } }) }), {
    ok: true,
  });
});

test("judge: a list of statuses accepts each of them; a refusal in the list carries no list to check", () => {
  const deep = MockRequestSchema.parse({
    name: "deep",
    path: "/api/catalogue?page=20000",
    expect: { status: [200, 400, 404], jsonHas: ["items"], nonEmptyArray: "items", maxMs: 300 },
  });
  const list = JSON.stringify({ items: [1] });
  assert.deepEqual(judge(deep, { status: 200, ms: 20, body: list }), { ok: true });
  assert.deepEqual(judge(deep, { status: 404, ms: 5, body: '{"error":"pages stop at 500"}' }), { ok: true });
  assert.deepEqual(judge(deep, { status: 404, ms: 900, body: "" }), {
    ok: false,
    reason: "slow /api/catalogue (over 300 ms)",
  });
  assert.deepEqual(judge(deep, { status: 500, ms: 5, body: "" }), { ok: false, reason: "500 from /api/catalogue" });
  assert.deepEqual(judge(deep, { status: 200, ms: 5, body: JSON.stringify({ items: [] }) }), {
    ok: false,
    reason: "empty items from /api/catalogue",
  });
  assert.throws(() => MockRequestSchema.parse({ name: "x", path: "/", expect: { status: [] } }));
});

test("judge: status, latency, JSON shape and transport errors each fail with a reason", () => {
  const good = JSON.stringify({ items: [1], meta: { total: 1 } });
  assert.deepEqual(judge(req, { status: 413, ms: 20, body: good }), { ok: false, reason: "413 from /api/products" });
  assert.deepEqual(judge(req, { status: 200, ms: 900, body: good }), {
    ok: false,
    reason: "slow /api/products (over 500 ms)",
  });
  assert.deepEqual(judge(req, { status: 200, ms: 5, body: "<html>" }), {
    ok: false,
    reason: "non-JSON answer from /api/products",
  });
  assert.deepEqual(judge(req, { status: 200, ms: 5, body: JSON.stringify({ items: [1] }) }), {
    ok: false,
    reason: "no meta.total in /api/products",
  });
  assert.deepEqual(judge(req, { status: 200, ms: 5, body: JSON.stringify({ items: [], meta: { total: 0 } }) }), {
    ok: false,
    reason: "empty items from /api/products",
  });
  assert.deepEqual(judge(req, { status: 0, ms: 1, body: "", error: "ECONNREFUSED" }), {
    ok: false,
    reason: "ECONNREFUSED on /api/products",
  });
});

test("judge: defaults expect a 200 within 2 s and no particular shape", () => {
  const plain = MockRequestSchema.parse({ name: "home", path: "/" });
  assert.deepEqual(judge(plain, { status: 200, ms: 1999, body: "<html>" }), { ok: true });
  assert.equal(judge(plain, { status: 200, ms: 2001, body: "" }).ok, false);
});

test("getPath walks dotted paths and tells missing from null", () => {
  assert.deepEqual(getPath({ a: { b: null } }, "a.b"), { found: true, value: null });
  assert.equal(getPath({ a: 1 }, "a.b").found, false);
  assert.equal(getPath(null, "a").found, false);
});

test("weighted choice follows the weights", () => {
  const rs = [
    { weight: 3, n: "a" },
    { weight: 1, n: "b" },
  ];
  assert.equal(pickRequest(rs, 0).n, "a");
  assert.equal(pickRequest(rs, 0.74).n, "a");
  assert.equal(pickRequest(rs, 0.76).n, "b");
  assert.equal(pickRequest(rs, 0.999999).n, "b");
  let a = 0;
  for (let i = 0; i < 4000; i++) if (pickRequest(rs, i / 4000).n === "a") a++;
  assert.equal(a, 3000);
});

test("templates expand parameters and {{rand}}", () => {
  let n = 0;
  const rand = () => `r${n++}`;
  assert.equal(
    expandRequestPath("/api/{{table}}?x={{rand}}&y={{rand}}&z={{nope}}", { table: "users" }, rand),
    "/api/users?x=r0&y=r1&z={{nope}}",
  );
  assert.deepEqual(
    expandJson({ email: "u{{rand}}@x", n: 3, list: ["{{table}}"] }, { table: "t" }, () => "Q"),
    { email: "uQ@x", n: 3, list: ["t"] },
  );
});

test("the SLI window covers the last 10 s: success rate, percentiles, most common failure", () => {
  const w = new SliWindow();
  const t = 1_000_000;
  assert.equal(w.sample(t).successRate, null);
  for (let i = 0; i < 8; i++) w.add({ at: t + i * 100, ms: 10 + i, ok: true });
  w.add({ at: t + 900, ms: 50, ok: false, reason: "413 from /api/uploads" });
  w.add({ at: t + 950, ms: 60, ok: false, reason: "413 from /api/uploads" });
  w.add({ at: t + 960, ms: 70, ok: false, reason: "502 from /" });
  const s = w.sample(t + 1000);
  assert.equal(s.requests, 11);
  assert.equal(s.failures, 3);
  assert.equal(s.successRate, 8 / 11);
  assert.equal(s.lastError, "413 from /api/uploads");
  assert.equal(s.p50Ms, 15);
  assert.equal(s.p95Ms, 70);
  // 10 s later everything has left the window.
  const later = w.sample(t + 11_000);
  assert.equal(later.requests, 0);
  assert.equal(later.successRate, null);
  assert.equal(w.samples().length, 3);
});

test("history keeps the last 30 minutes of samples", () => {
  const w = new SliWindow(10_000, 5);
  for (let i = 0; i < 8; i++) w.sample(i * 1000);
  assert.equal(w.samples().length, 5);
  assert.equal(w.samples()[0]?.at, new Date(3000).toISOString());
});

test("percentile uses nearest rank", () => {
  assert.equal(percentile([], 50), null);
  assert.equal(percentile([5], 95), 5);
  assert.equal(percentile([1, 2, 3, 4], 50), 2);
  assert.equal(percentile([1, 2, 3, 4], 95), 4);
});
