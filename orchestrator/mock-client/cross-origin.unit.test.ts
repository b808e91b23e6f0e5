/**
 * The mock client as a browser on a cross-origin front end (mockClient.crossOrigin): pages come from
 * one host, API calls go to another with the pages' Origin, a preflight precedes them when a browser
 * would send one (without cookies), and answers the CORS rules refuse count as failures. A small
 * in-process shop with switchable CORS behaviour plays both hosts.
 */
import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";
import { LevelManifestSchema, MockRequestSchema } from "../../lib/levels/manifest-schema";
import { MockClient } from "./mock-client";

const PAGES = "www.shop.test";
const API = "api.shop.test";
const ORIGIN = `http://${PAGES}`;

type Mode = "right" | "wrong-origin" | "star" | "no-preflight" | "headers-missing" | "reflect-any";
let mode: Mode = "right";
let seen: { method: string; host: string; path: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let port = 0;

before(async () => {
  server = createServer((req, res) => {
    const host = String(req.headers.host);
    seen.push({ method: req.method ?? "", host, path: req.url ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => {
      if (host === PAGES) {
        res.writeHead(200, { "content-type": "text/html", "set-cookie": "sid=s1; Path=/" });
        return res.end("<html>shop</html>");
      }
      if (host !== API) return res.writeHead(421).end();
      const origin = String(req.headers.origin ?? "");
      const cors: Record<string, string> = { vary: "Origin" };
      const allow = (o: string) => {
        cors["access-control-allow-origin"] = o;
        cors["access-control-allow-credentials"] = "true";
      };
      if (mode === "right" || mode === "no-preflight" || mode === "headers-missing") {
        if (origin === ORIGIN) allow(origin);
      } else if (mode === "wrong-origin") allow("http://shop.test");
      else if (mode === "star") allow("*");
      else if (mode === "reflect-any") allow(origin);
      if (req.method === "OPTIONS") {
        if (mode === "no-preflight") return res.writeHead(405).end();
        cors["access-control-allow-methods"] = "GET, POST";
        cors["access-control-allow-headers"] =
          mode === "headers-missing" ? "authorization" : "content-type, x-requested-with";
        return res.writeHead(204, cors).end();
      }
      res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json", ...cors });
      res.end(JSON.stringify({ items: [{ id: 1 }], user: { id: "1" } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
});

const REQUESTS = [
  MockRequestSchema.parse({
    name: "search",
    path: "/api/products?page=1",
    headers: { "x-requested-with": "fetch" },
    expect: { jsonHas: ["items"] },
  }),
  MockRequestSchema.parse({
    name: "sign-up",
    method: "POST",
    path: "/api/users",
    json: { email: "a{{rand}}@example.com" },
    expect: { status: 201, jsonHas: ["user.id"] },
  }),
  MockRequestSchema.parse({ name: "plain list", path: "/api/products?page=2", expect: { jsonHas: ["items"] } }),
];

function client(credentials = true): MockClient {
  const at = () => Promise.resolve({ host: "127.0.0.1", port });
  let i = 0;
  return new MockClient({
    requests: REQUESTS,
    ratePerSecond: 2,
    params: {},
    target: at,
    backend: at,
    sql: () => Promise.resolve([]),
    onSample: () => undefined,
    random: () => (i++ * 0.37) % 1,
    crossOrigin: { pages: PAGES, api: API, credentials },
  });
}

async function run(c: MockClient, n: number): Promise<{ ok: number; reasons: string[] }> {
  for (let k = 0; k < n; k++) await c.step();
  const outcomes = (c as unknown as { window: { outcomes: { ok: boolean; reason?: string }[] } }).window.outcomes;
  return { ok: outcomes.filter((o) => o.ok).length, reasons: outcomes.flatMap((o) => (o.ok ? [] : [o.reason ?? ""])) };
}

test("a right CORS answer: every call succeeds, pages from the front end's host, API calls from its origin", async () => {
  mode = "right";
  const r = await run(client(), 12);
  assert.equal(r.ok, 12, r.reasons.join("; "));
  const pages = seen.filter((s) => s.host === PAGES);
  assert.ok(pages.length >= 1 && pages.every((s) => s.method === "GET" && s.headers.origin === undefined));
  const api = seen.filter((s) => s.host === API && s.method !== "OPTIONS");
  assert.ok(api.length >= 12);
  for (const s of api) {
    assert.equal(s.headers.origin, ORIGIN);
    assert.equal(s.headers.referer?.startsWith(`${ORIGIN}/`), true);
    assert.equal(s.headers["sec-fetch-site"], "same-site");
    assert.match(String(s.headers.cookie), /sid=s1/, "credentials: the front end's cookies go with the call");
  }
});

test("preflights: sent when a browser sends one (custom header, JSON body), never for a simple GET, without cookies", async () => {
  mode = "right";
  await run(client(), 15);
  const calls = seen.filter((s) => s.host === API);
  for (const [i, s] of calls.entries()) {
    if (s.method === "OPTIONS") {
      assert.equal(s.headers.cookie, undefined);
      assert.equal(s.headers.origin, ORIGIN);
      const next = calls[i + 1];
      assert.ok(next && next.method !== "OPTIONS" && next.path === s.path, "the call follows its preflight");
      assert.equal(s.headers["access-control-request-method"], next.method);
      const asked = s.headers["access-control-request-headers"];
      assert.equal(asked, next.method === "POST" ? "content-type" : "x-requested-with");
      continue;
    }
    const preflighted = calls[i - 1]?.method === "OPTIONS";
    assert.equal(preflighted, s.path !== "/api/products?page=2", `${s.method} ${s.path}`);
  }
});

test("each refused CORS answer fails the calls it blocks, with the browser's reason", async () => {
  const cases: [Mode, RegExp, number][] = [
    ["wrong-origin", /the browser blocked .*not the page's origin/, 0],
    ["star", /\* on a request with credentials/, 0],
    // The simple GET needs no preflight: only the preflighted calls fail.
    ["no-preflight", /preflight \(OPTIONS\) was answered 405/, 1],
    ["headers-missing", /is not allowed \(Access-Control-Allow-Headers\)/, 1],
  ];
  for (const [m, reason, simpleOk] of cases) {
    mode = m;
    seen = [];
    const r = await run(client(), 9);
    const simple = seen.filter((s) => s.host === API && s.path === "/api/products?page=2").length;
    assert.ok(simple > 0 && simple < 9);
    assert.equal(r.ok, simpleOk * simple, `${m}: ${r.reasons.join("; ")}`);
    assert.ok(
      r.reasons.every((x) => reason.test(x) || (simpleOk === 0 && /the browser blocked/.test(x))),
      `${m}: ${r.reasons.join("; ")}`,
    );
  }
});

test("a server that reflects any origin satisfies the browser (the check, not the client, rejects it)", async () => {
  mode = "reflect-any";
  const r = await run(client(), 6);
  assert.equal(r.ok, 6, r.reasons.join("; "));
});

test("without credentials: no cookie is sent and * is accepted", async () => {
  mode = "star";
  const r = await run(client(false), 6);
  assert.equal(r.ok, 6, r.reasons.join("; "));
  assert.ok(seen.filter((s) => s.host === API).every((s) => s.headers.cookie === undefined));
});

test("the manifest: crossOrigin and request headers are optional; names the browser owns are refused", () => {
  const base = {
    id: "x",
    title: "xxx",
    category: "network",
    difficulty: "easy",
    parMinutes: 5,
    briefing: "something broke",
    objectives: ["o"],
    shells: ["proxy"],
    hints: [{ text: "h", cost: 1 }],
    rubric: {
      report: [{ id: "a", title: "a", description: "a", points: 1 }],
      postmortem: [{ id: "a", title: "a", description: "a", points: 1 }],
    },
    referenceFix: [{ instance: "proxy", run: "true" }],
    symptomFix: [{ instance: "proxy", run: "true" }],
    solution: "what happened",
  };
  const mc = (extra: object, req: object = {}) => ({
    ...base,
    mockClient: { requests: [{ name: "r", path: "/api/x", ...req }], ...extra },
  });
  const plain = LevelManifestSchema.safeParse(mc({}));
  assert.equal(plain.success, true, plain.error?.message);
  const parsed = LevelManifestSchema.parse(
    mc({ crossOrigin: { pages: "www.{{domain}}", api: "api.{{domain}}:8080" } }),
  );
  assert.deepEqual(parsed.mockClient.crossOrigin, {
    pages: "www.{{domain}}",
    api: "api.{{domain}}:8080",
    credentials: false,
  });
  assert.equal(
    LevelManifestSchema.safeParse(mc({ crossOrigin: { pages: "http://www.x", api: "api.x" } })).success,
    false,
  );
  assert.equal(LevelManifestSchema.safeParse(mc({}, { headers: { "x-requested-with": "fetch" } })).success, true);
  assert.equal(LevelManifestSchema.safeParse(mc({}, { headers: { origin: "http://evil" } })).success, false);
  assert.equal(LevelManifestSchema.safeParse(mc({}, { headers: { "X-Upper": "1" } })).success, false);
});
