/**
 * The mock client against a proxy that knows who is asking, in the real engine:
 * a healthy shop (the real victim stack, with a test level whose mock client
 * asks for every meaning: search, product list, upload, recent uploads, sign-up,
 * today's sign-ups; the level helpers' own levels change under their feet), then
 *
 *   1. nginx answers every request from the host's address (the network's
 *      gateway: where the mock client and the checks come from) with canned
 *      JSON and canned pages, while the app behind it is stopped: the success
 *      rate must fall to about zero, for the level's own mock client and for
 *      one exercising every meaning (search, list, upload, recent uploads,
 *      sign-up, today's sign-ups);
 *   2. nginx answers canned JSON only to the old marker user agents, the app
 *      running: nothing is canned (the success rate stays up) and the access
 *      log shows many browsers and no request that carries a marker.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import type { SliSample } from "../../lib/contracts/orchestrator-api";
import { loadLevelManifest } from "../../lib/levels/load-catalogue";
import { MockRequestSchema, type LevelManifest } from "../../lib/levels/manifest-schema";
import { expandTemplate, type ResolvedParams } from "../../lib/levels/params";
import { CHECK_DATABASE } from "../environments/observe";
import { PinnedSql } from "../environments/pinned-sql";
import { MockClient } from "../mock-client/mock-client";
import { createOrchestrator, type Orchestrator } from "../service";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = join(ROOT, "orchestrator/tests/fixtures/levels/fixture-shop");
const LEVEL = "mock-client-shop";
const ENV = "mc-tamper";
const MARKER = /firedrill|mock|node|undici|axios|curl|python|go-http/i;

let orch: Orchestrator;
let manifest: LevelManifest;
let params: ResolvedParams;
let sql: PinnedSql;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sh(instance: string, script: string): Promise<string> {
  const r = await orch.exec(ENV, instance, script, { timeoutMs: 120_000 });
  assert.equal(r.exitCode, 0, `${instance}: ${script}\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Every meaning at once, aimed at this environment from the host (as the orchestrator's client is). */
function everyMeaning(addresses: { proxy: string; app: string }): MockClient {
  const requests = [
    { name: "search", path: "/api/products", search: ["oak lamp", "copper kettle", "velvet sofa", "acme labs"] },
    { name: "list", path: "/api/products?page=1", expect: { meaning: "products-exist" } },
    { name: "upload", method: "POST", path: "/api/uploads", page: "/upload", bytes: 8192 },
    { name: "recent", path: "/api/uploads", page: "/upload", expect: { meaning: "uploads-exist" } },
    {
      name: "sign-up",
      method: "POST",
      path: "/api/users",
      page: "/signup",
      json: { name: "{{rand:name}}", email: "{{rand:email}}" },
    },
    { name: "today", path: "/api/users/today", page: "/signup", expect: { meaning: "users-exist" } },
  ].map((r) => {
    const meaning =
      r.name === "search"
        ? "search-matches"
        : r.name === "upload"
          ? "upload-readback"
          : r.name === "sign-up"
            ? "user-listed"
            : undefined;
    const status = r.method === "POST" ? 201 : 200;
    return MockRequestSchema.parse({
      ...r,
      expect: { maxMs: 5000, status, ...(r.expect ?? {}), ...(meaning ? { meaning } : {}) },
    });
  });
  return new MockClient({
    requests,
    ratePerSecond: 2,
    params,
    target: () => Promise.resolve({ host: addresses.proxy, port: 80 }),
    backend: () => Promise.resolve({ host: addresses.app, port: 3000 }),
    sql: (text, values) => sql.query(text, values),
    onSample: () => undefined,
  });
}

async function stepMany(c: MockClient, n: number): Promise<{ ok: number; total: number; reasons: string[] }> {
  for (let i = 0; i < n; i++) await c.step();
  const outcomes = (c as unknown as { window: { outcomes: { ok: boolean; reason?: string }[] } }).window.outcomes;
  const reasons = [...new Set(outcomes.filter((o) => !o.ok).map((o) => o.reason ?? ""))];
  return { ok: outcomes.filter((o) => o.ok).length, total: outcomes.length, reasons };
}

/** A sample of the level's own mock client over at least 10 requests that satisfies `ok` (else the last one). */
async function waitSli(ok: (s: SliSample) => boolean, timeoutMs: number): Promise<SliSample> {
  const deadline = Date.now() + timeoutMs;
  let last = orch.sli(ENV).current;
  while (Date.now() < deadline) {
    last = orch.sli(ENV).current;
    if (last.requests >= 10 && ok(last)) return last;
    await sleep(500);
  }
  return last;
}

const CANNED_JSON =
  '{"items":[{"id":1,"sku":"CAN-0000001","name":"Canned Product","brand":"Canned"}],"total":1,"pages":1,' +
  '"uploads":[{"id":"0b7c63f4-3f55-4d55-9a0e-6f1f2f2b6b11","sha256":"00"}],' +
  '"users":[{"id":"1","name":"Canned","email":"canned@example.com"}],"date":"2026-12-01",' +
  '"upload":{"id":"0b7c63f4-3f55-4d55-9a0e-6f1f2f2b6b11","filename":"x","size_bytes":2000000,"sha256":"00"},' +
  '"user":{"id":"1","name":"Canned","email":"canned@example.com","created_at":"2026-12-01T00:00:00Z"},' +
  '"status":"ok","db":"ok"}';

/** The shop's server block with canned answers for requests whose `$canned` (set in http context) is 1. */
function cannedSite(selector: string, pagesToo: boolean): string {
  const canned = (extra = "") => `
        set $c "\${canned}\${request_method}";
        if ($c = "1POST") { return 201 '${CANNED_JSON}'; }
        if ($c = "1GET") { return 200 '${CANNED_JSON}'; }${extra}`;
  return `${selector}
server {
    listen 80 default_server;
    server_name _;
    client_max_body_size 25m;
    resolver 127.0.0.11 valid=10s ipv6=off;
    set $app http://app:3000;
    location = /nginx-health { access_log off; return 200 "ok\\n"; }
    location ~ ^/(api/products|api/uploads|api/users|healthz) {
        default_type application/json;${canned()}
        proxy_pass $app;
        proxy_set_header Host $host;
        proxy_read_timeout 60s;
    }
    location / {
        default_type text/html;${pagesToo ? `\n        if ($canned) { return 200 '<!doctype html><html><body><h1>Shop</h1></body></html>'; }` : ""}
        proxy_pass $app;
        proxy_set_header Host $host;
    }
}
`;
}

async function installSite(text: string): Promise<void> {
  await sh(
    "proxy",
    `cat > /etc/nginx/sites-enabled/app.conf <<'NGINX'\n${text}\nNGINX\nnginx -t 2>&1 && nginx -s reload && sleep 1`,
  );
}

/** The fixture level on the real stack, with a mock client that asks for every meaning. */
const MOCK_CLIENT_YAML = `mockClient:
  ratePerSecond: 3
  requests:
    - { name: search, path: /api/products, search: [oak lamp, copper kettle, velvet sofa, acme labs], expect: { meaning: search-matches } }
    - { name: list, path: "/api/products?page=1", expect: { jsonHas: [items], meaning: products-exist } }
    - { name: upload, method: POST, path: /api/uploads, page: /upload, bytes: 8192, expect: { status: 201, meaning: upload-readback } }
    - { name: recent uploads, path: /api/uploads, page: /upload, expect: { meaning: uploads-exist } }
    - name: sign-up
      method: POST
      path: /api/users
      page: /signup
      json: { name: "{{rand:name}}", email: "{{rand:email}}" }
      expect: { status: 201, meaning: user-listed }
    - { name: today, path: /api/users/today, page: /signup, expect: { meaning: users-exist } }
`;

function levelsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "fd-mc-levels-"));
  symlinkSync(join(ROOT, "levels/_stack"), join(dir, "_stack"));
  mkdirSync(join(dir, LEVEL));
  for (const f of ["fault.ts", "check.ts"]) symlinkSync(join(FIXTURE, f), join(dir, LEVEL, f));
  const yaml = readFileSync(join(FIXTURE, "level.yaml"), "utf8")
    .replace(/^id: .*$/m, `id: ${LEVEL}`)
    .replace(/^mockClient:\n(?:[ #].*\n)*/m, MOCK_CLIENT_YAML);
  writeFileSync(join(dir, LEVEL, "level.yaml"), yaml);
  return dir;
}

before(async () => {
  const dir = levelsDir();
  const loaded = loadLevelManifest(join(dir, LEVEL, "level.yaml"));
  if ("errors" in loaded) throw new Error(JSON.stringify(loaded.errors));
  manifest = loaded.manifest;
  assert.equal(manifest.mockClient.requests.filter((r) => r.expect.meaning).length, 6, "every meaning");
  orch = createOrchestrator({
    dataDir: mkdtempSync(join(tmpdir(), "fd-mc-tamper-")),
    levelsDir: dir,
    warmPool: 0,
    reconcileSeconds: 3600,
    log: process.env.FD_TEST_LOG ? (l, m) => console.log(`[${l}] ${m}`) : () => undefined,
  });
  await orch.start();
  const view = await orch.provision({ id: ENV, attemptId: `attempt-${ENV}`, levelId: LEVEL, seed: "tamper" });
  params = view.params;
  for (const step of manifest.referenceFix) await sh(step.instance, expandTemplate(step.run, params));
});

after(async () => {
  await sql?.close();
  await orch.destroy(ENV).catch(() => undefined);
  await orch.stop();
});

test("a proxy that cans every answer to the host while the app is down: the success rate falls to about zero", async (t) => {
  const healthy = await waitSli((s) => (s.successRate ?? 0) >= 0.9, 90_000);
  t.diagnostic(`healthy: ${JSON.stringify(healthy)}`);
  assert.ok((healthy.successRate ?? 0) >= 0.9, `not healthy after the reference fix: ${JSON.stringify(healthy)}`);

  // Where the host's requests come from, as the proxy sees them (the network's gateway).
  const sources = await sh("proxy", "awk '{print $1}' /var/log/nginx/access.log | sort | uniq -c | sort -rn | head -1");
  const gateway = sources.trim().split(/\s+/)[1] ?? "";
  assert.match(gateway, /^\d+\.\d+\.\d+\.\d+$/, sources);
  const [proxy, app, db] = (await sh("proxy", "hostname -i | awk '{print $1}'; getent hosts app db | awk '{print $1}'"))
    .trim()
    .split("\n");
  assert.ok(proxy && app && db, "addresses");
  sql = new PinnedSql(() =>
    Promise.resolve({
      host: db,
      port: CHECK_DATABASE.port,
      database: CHECK_DATABASE.database,
      user: CHECK_DATABASE.user,
      password: CHECK_DATABASE.password,
    }),
  );
  const honest = await stepMany(everyMeaning({ proxy, app }), 36);
  t.diagnostic(`every meaning, honest shop: ${honest.ok}/${honest.total} ${JSON.stringify(honest.reasons)}`);
  assert.ok(honest.ok >= honest.total - 2, `the real shop fails the judge: ${JSON.stringify(honest.reasons)}`);

  await installSite(cannedSite(`geo $canned { default 0; ${gateway}/32 1; }`, true));
  await sh("app", "sv down app");
  // The canned answers really go to the host: a request from the host gets them.
  const fromHost = await sh("proxy", "sleep 1; tail -n 3 /var/log/nginx/access.log");
  t.diagnostic(`access log after canning: ${fromHost}`);

  const cannedRun = await stepMany(everyMeaning({ proxy, app }), 36);
  t.diagnostic(`every meaning, canned proxy: ${cannedRun.ok}/${cannedRun.total} ${JSON.stringify(cannedRun.reasons)}`);
  assert.equal(cannedRun.ok, 0, `canned answers passed: ${JSON.stringify(cannedRun.reasons)}`);

  await sleep(11_000); // the level's client's window is 10 s
  const down = await waitSli((s) => (s.successRate ?? 1) <= 0.05, 30_000);
  t.diagnostic(`the level's mock client with a canned proxy: ${JSON.stringify(down)}`);
  assert.ok((down.successRate ?? 1) <= 0.05 && down.requests >= 10, JSON.stringify(down));
  assert.ok(!/^50\d/.test(down.lastError ?? ""), `failures are judged on meaning, not a 5xx: ${down.lastError}`);
});

test("a proxy that cans answers for the old marker user agents: nothing is canned, no request carries a marker", async (t) => {
  await sh(
    "app",
    "sv up app && for i in $(seq 1 40); do curl -fsS -o /dev/null -m 2 http://127.0.0.1:3000/healthz && exit 0; sleep 0.5; done; exit 1",
  );
  await installSite(
    cannedSite(`map $http_user_agent $canned { default 0; "~*(firedrill|mock|node|undici)" 1; }`, true),
  );
  await sh("proxy", ": > /var/log/nginx/access.log; nginx -s reopen");
  await sleep(11_000);
  const healthy = await waitSli((s) => (s.successRate ?? 0) >= 0.9, 60_000);
  t.diagnostic(`the level's mock client with a marker-keyed proxy: ${JSON.stringify(healthy)}`);
  assert.ok((healthy.successRate ?? 0) >= 0.9, JSON.stringify(healthy));

  const agents = (await sh("proxy", `sed -E 's/^.*"([^"]*)" rid=.*$/\\1/' /var/log/nginx/access.log`))
    .trim()
    .split("\n")
    .filter(Boolean);
  const distinct = new Set(agents);
  t.diagnostic(`${agents.length} requests from ${distinct.size} user agents`);
  assert.ok(agents.length >= 20, `${agents.length} requests logged`);
  assert.ok(distinct.size >= 5, `only ${distinct.size} user agents: ${[...distinct].join(" | ")}`);
  const marked = agents.filter((a) => MARKER.test(a) || !a.startsWith("Mozilla/5.0 ("));
  assert.deepEqual(marked, [], "requests carrying a marker");
});
