/**
 * The mock client against a small in-process shop (a real HTTP server on
 * 127.0.0.1 and an in-memory "database" behind the SQL it asks): an honest shop
 * scores 100 %, a proxy answering canned JSON scores 0 %, and the traffic is a
 * crowd of browsers with their own cookies, never a marker.
 */
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { LevelManifestSchema, MockRequestSchema, type MockRequest } from "../../lib/levels/manifest-schema";
import type { SqlRow } from "../../levels/_sdk";
import { MockClient } from "./mock-client";

const PRODUCTS = [
  { id: 1, sku: "A1F-0000001", name: "Rustic Oak Lamp 101", brand: "Acme Labs" },
  { id: 2, sku: "B2E-0000002", name: "Sleek Copper Kettle 202", brand: "Stark Industries" },
  { id: 3, sku: "C3D-0000003", name: "Modern Oak Lamp 303", brand: "Wonka Goods" },
  { id: 4, sku: "D4C-0000004", name: "Vintage Linen Scarf 404", brand: "Acme Labs" },
];

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

let mode: "honest" | "canned" = "honest";
const seen: Seen[] = [];
const uploads = new Map<string, Buffer>();
const users: { id: string; name: string; email: string }[] = [
  { id: "1", name: "Ada Early", email: "ada@fastmail.com" },
];
let server: Server;
let port = 0;
let nextSid = 1;

const CANNED = JSON.stringify({
  items: [{ id: 1, sku: "X", name: "Canned Product", brand: "Canned" }],
  total: 1,
  uploads: [{ id: "0b7c63f4-3f55-4d55-9a0e-6f1f2f2b6b11", sha256: "0" }],
  users: [{ id: "1", email: "canned@example.com" }],
  upload: { id: "0b7c63f4-3f55-4d55-9a0e-6f1f2f2b6b11", size_bytes: 4096 },
  user: { id: "1" },
  date: "2026-12-01",
  status: "ok",
  db: "ok",
});

function json(res: ServerResponse, status: number, body: unknown, gzip = false): void {
  const text = Buffer.from(JSON.stringify(body));
  const out = gzip ? gzipSync(text) : text;
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": out.length,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  res.end(out);
}

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://shop");
    seen.push({ method: req.method ?? "", path: url.pathname + url.search, headers: req.headers });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (!url.pathname.startsWith("/api/")) {
        // Pages set a session cookie on a visitor's first load.
        const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
        if (!String(req.headers.cookie ?? "").includes("sid=")) headers["set-cookie"] = `sid=s${nextSid++}; Path=/`;
        res.writeHead(200, headers);
        res.end("<html><body>shop</body></html>");
        return;
      }
      if (mode === "canned") {
        res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" });
        res.end(CANNED);
        return;
      }
      if (url.pathname === "/api/products") {
        const q = (url.searchParams.get("q") ?? "").toLowerCase();
        const items = PRODUCTS.filter((p) => [p.name, p.sku, p.brand].some((f) => f.toLowerCase().includes(q)));
        return json(res, 200, { items, total: items.length }, true);
      }
      if (url.pathname === "/api/uploads" && req.method === "POST") {
        const id = randomUUID();
        uploads.set(id, body);
        return json(res, 201, { upload: { id, size_bytes: String(body.length) } });
      }
      const one = /^\/api\/uploads\/(.+)$/.exec(url.pathname);
      if (one) {
        const bytes = uploads.get(one[1] ?? "");
        res.writeHead(bytes ? 200 : 404, { "content-type": "application/octet-stream" });
        res.end(bytes ?? "");
        return;
      }
      if (url.pathname === "/api/uploads")
        return json(res, 200, {
          uploads: [...uploads].map(([id, b]) => ({ id, sha256: createHash("sha256").update(b).digest("hex") })),
        });
      if (url.pathname === "/api/users" && req.method === "POST") {
        const u = JSON.parse(body.toString()) as { name: string; email: string };
        const user = { id: String(users.length + 1), name: u.name, email: u.email.toLowerCase() };
        users.push(user);
        return json(res, 201, { user });
      }
      if (url.pathname === "/api/users/today")
        return json(res, 200, { date: "2026-12-01", users: [...users].reverse() });
      json(res, 404, { error: "no route" });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

after(() => server.close());

/** The in-memory shop's database, answering the judge's pinned queries. */
function sql(text: string, values: (string | number)[]): Promise<SqlRow[]> {
  return Promise.resolve(rows(text, values));
}

function rows(text: string, values: (string | number)[]): SqlRow[] {
  const id = String(values[0]);
  if (text.includes("EXISTS") && text.includes("public.users")) return [{ v: "t" }];
  if (text.includes("EXISTS")) return [{ v: uploads.size > 0 ? "t" : "f" }];
  if (text.includes("public.products")) {
    const p = PRODUCTS.find((x) => String(x.id) === id);
    return p ? [{ v: p.name }] : [];
  }
  if (text.includes("public.users")) {
    const u = users.find((x) => x.id === id);
    return u ? [{ v: u.email }] : [];
  }
  const b = uploads.get(id);
  return b ? [{ v: createHash("sha256").update(b).digest("hex") }] : [];
}

const REQUESTS: MockRequest[] = [
  {
    name: "search",
    path: "/api/products",
    search: ["oak lamp", "copper kettle", "acme labs"],
    expect: { meaning: "search-matches" },
  },
  { name: "list", path: "/api/products?page=1", expect: { jsonHas: ["items"], meaning: "products-exist" } },
  {
    name: "upload",
    method: "POST",
    path: "/api/uploads",
    page: "/upload",
    bytes: 4096,
    expect: { status: 201, meaning: "upload-readback" },
  },
  { name: "recent", path: "/api/uploads", page: "/upload", expect: { meaning: "uploads-exist" } },
  {
    name: "sign-up",
    method: "POST",
    path: "/api/users",
    page: "/signup",
    json: { name: "{{rand:name}}", email: "{{rand:email}}" },
    expect: { status: 201, meaning: "user-listed" },
  },
  { name: "today", path: "/api/users/today", page: "/signup", expect: { meaning: "users-exist" } },
].map((r) => MockRequestSchema.parse(r));

function client(): MockClient {
  const at = () => Promise.resolve({ host: "127.0.0.1", port });
  return new MockClient({
    requests: REQUESTS,
    ratePerSecond: 2,
    params: {},
    target: at,
    backend: at,
    sql,
    onSample: () => undefined,
  });
}

async function run(c: MockClient, n: number): Promise<{ ok: number; reasons: Map<string, number> }> {
  for (let i = 0; i < n; i++) await c.step();
  const outcomes = (c as unknown as { window: { outcomes: { ok: boolean; reason?: string }[] } }).window.outcomes;
  const reasons = new Map<string, number>();
  for (const o of outcomes) if (!o.ok) reasons.set(o.reason ?? "", (reasons.get(o.reason ?? "") ?? 0) + 1);
  return { ok: outcomes.filter((o) => o.ok).length, reasons };
}

test("an honest shop: every request passes, meanings included", async () => {
  mode = "honest";
  const { ok, reasons } = await run(client(), 120);
  assert.equal(ok, 120, JSON.stringify([...reasons]));
});

test("a proxy answering canned JSON to everything: every request fails, with the customer's reason", async () => {
  mode = "canned";
  const { ok, reasons } = await run(client(), 120);
  assert.equal(ok, 0, JSON.stringify([...reasons]));
  const all = [...reasons.keys()].join("\n");
  assert.match(all, /search for ".*" returned products that don't match/);
  assert.match(all, /upload read back differs|upload could not be read back|upload was stored with/);
  assert.match(all, /the product list shows a product the shop doesn't have/);
  mode = "honest";
});

test("the traffic is many browsers with their own cookies, pages before fetches, no marker", async () => {
  mode = "honest";
  seen.length = 0;
  const c = client();
  await run(c, 200);
  assert.ok(c.visitorCount() >= 20, `${c.visitorCount()} visitors`);
  const agents = new Set(seen.map((s) => s.headers["user-agent"]));
  assert.ok(agents.size >= 10, `${agents.size} user agents`);
  for (const s of seen)
    for (const [name, value] of Object.entries(s.headers))
      assert.ok(
        !/firedrill|mock|node|undici/i.test(`${name}: ${String(value)}`),
        `${s.path}: ${name}: ${String(value)}`,
      );
  const api = seen.filter((s) => s.path.startsWith("/api/"));
  const pages = seen.filter((s) => !s.path.startsWith("/api/"));
  assert.ok(pages.length > 0 && pages.every((s) => s.headers["sec-fetch-mode"] === "navigate"));
  assert.ok(
    api.every(
      (s) => s.headers["sec-fetch-mode"] === "cors" && /^http:\/\/127\.0\.0\.1:\d+\//.test(String(s.headers.referer)),
    ),
  );
  // Search terms vary, in the case people type them.
  const terms = new Set(
    api.filter((s) => s.path.includes("q=")).map((s) => new URL(s.path, "http://x").searchParams.get("q")),
  );
  assert.ok(terms.size >= 4, [...terms].join(", "));
  // A visitor's cookie comes back only with the browser that received it.
  const browserOf = new Map<string, string>();
  let withCookie = 0;
  for (const s of seen) {
    const sid = /sid=(s\d+)/.exec(String(s.headers.cookie ?? ""))?.[1];
    if (!sid) continue;
    withCookie++;
    const ua = String(s.headers["user-agent"]);
    assert.equal(browserOf.get(sid) ?? ua, ua, `cookie ${sid} came back from another browser`);
    browserOf.set(sid, ua);
  }
  assert.ok(withCookie > seen.length / 2, `${withCookie} of ${seen.length} requests carried the visitor's cookie`);
  // Uploads look like files, not a fixed body type.
  const types = new Set(
    seen.filter((s) => s.method === "POST" && s.path === "/api/uploads").map((s) => s.headers["content-type"]),
  );
  assert.ok(types.size >= 2, [...types].join(", "));
});

test("manifest: meanings are declared per request and wrong combinations are refused clearly", () => {
  const bad = (r: unknown) => {
    const res = MockRequestSchema.safeParse(r);
    assert.equal(res.success, false, JSON.stringify(r));
    return res.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") ?? "";
  };
  assert.match(
    bad({ name: "s", path: "/api/products", expect: { meaning: "search-matches" } }),
    /expect\.meaning: search-matches needs the searched term/,
  );
  assert.match(
    bad({ name: "u", method: "POST", path: "/api/uploads", expect: { meaning: "upload-readback" } }),
    /needs a `bytes` body/,
  );
  assert.match(
    bad({ name: "u", path: "/api/uploads", bytes: 10, expect: { meaning: "upload-readback" } }),
    /needs a POST request/,
  );
  assert.match(
    bad({ name: "s", method: "POST", path: "/api/users", json: { name: "x" }, expect: { meaning: "user-listed" } }),
    /`email`/,
  );
  assert.match(bad({ name: "s", path: "/x", expect: { meaning: "vibes" } }), /must be one of search-matches/);
  assert.match(bad({ name: "s", path: "/api/products?q=x", search: ["oak"] }), /already has a q= parameter/);
  assert.equal(
    MockRequestSchema.safeParse({ name: "s", path: "/api/products?q=oak", expect: { meaning: "search-matches" } })
      .success,
    true,
  );
  const mc = LevelManifestSchema.shape.mockClient.parse({ requests: [{ name: "home", path: "/" }] });
  assert.deepEqual(mc.backend, { instance: "app", port: 3000 });
});
