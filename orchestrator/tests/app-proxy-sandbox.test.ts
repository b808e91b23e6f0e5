/**
 * A hostile page served from a player's environment, opened by another person's
 * browser (a facilitator's Chromium) through the app proxy: it must not act with
 * the game's cookies. The game here is a stand-in on the same host name (ports
 * do not separate sites) with a SameSite=Lax session cookie; the same page
 * served unsandboxed from that host shows the attack works, through the proxy
 * it must fail. Also: nothing of the browser's cookies reaches the environment,
 * and the environment cannot set or clear cookies on the host.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_LAUNCH } from "../../scripts/lib/chromium-launch";
import { startApiServer, type ApiServer } from "../http/server";
import { REAL_STACK, request, testOrchestrator, token } from "./support/harness";

const orch = testOrchestrator({ allowedOrigins: ["http://localhost:3000"] });
let api: ApiServer;
let browser: Browser | undefined;
const servers: Server[] = [];
const grades: { cookie: string; query: string }[] = [];
const hostile = readFileSync(join(import.meta.dirname, "fixtures/hostile/hostile-app.cjs"), "utf8");

function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const s = createServer(handler);
  servers.push(s);
  return new Promise((r) => s.listen(0, "127.0.0.1", () => r((s.address() as { port: number }).port)));
}

let game = "";
let plain = "";
let base = "";

before(async () => {
  // The game stand-in: signs in with a SameSite=Lax cookie, records who grades with what.
  const gamePort = await listen((req, res) => {
    if (req.url === "/login") {
      res.writeHead(200, { "set-cookie": "game_session=victim; Path=/; HttpOnly; SameSite=Lax" }).end("signed in");
      return;
    }
    // Only the attack counts: a favicon or any other request the browser makes on its own is not a grade.
    if (req.method !== "POST" || !req.url?.startsWith("/api/attempts/")) {
      res.writeHead(404).end();
      return;
    }
    grades.push({ cookie: req.headers.cookie ?? "", query: req.url ?? "" });
    res.writeHead(200).end("graded");
  });
  game = `http://127.0.0.1:${gamePort}`;
  await orch.start();
  api = await startApiServer(orch, 0, "127.0.0.1");
  base = `http://127.0.0.1:${api.port}`;
  await orch.provision(request("sbx"));
  // The player replaces the entry of their environment with their own server.
  const script = `cat > /tmp/hostile.cjs <<'JS'\n${hostile}\nJS\nsv -w 10 down /etc/service/nginx >/dev/null 2>&1; nginx -s stop >/dev/null 2>&1; sleep 1\nsetsid node /tmp/hostile.cjs '${game}' >/tmp/hostile.out 2>&1 &\nsleep 1; cat /tmp/hostile.out`;
  const r = await orch.exec("sbx", "proxy", script);
  assert.equal(r.exitCode, 0, r.stderr);
  // The same page, unsandboxed, from another port of the same host: the attack as it was.
  const { pageFor } = createRequire(import.meta.url)("./fixtures/hostile/hostile-app.cjs") as {
    pageFor: (game: string) => string;
  };
  const page = pageFor(game);
  plain = `http://127.0.0.1:${await listen((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page))}`;
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  await orch.destroy("sbx").catch(() => undefined);
  await api.close();
  await orch.stop();
});

async function graded(n: number, ms = 30_000): Promise<{ cookie: string; query: string }> {
  const deadline = Date.now() + ms;
  while (grades.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const g = grades[n - 1];
  assert.ok(g, "the page's request never reached the game");
  return g;
}

test(
  "the proxied page runs in an opaque origin: its request to the game carries no cookie",
  { skip: !REAL_STACK && "needs node in the stack", timeout: 120_000 },
  async () => {
    const context = await (browser as Browser).newContext();
    const page = await context.newPage();
    await page.goto(`${game}/login`);
    // Control: the same page from another port of the same host is same-site, so the cookie goes along.
    await page.goto(`${plain}/`);
    const control = await graded(1);
    assert.match(control.cookie, /game_session=victim/, "the attack works when unsandboxed");

    const link = `${base}/app/sbx/?token=${encodeURIComponent(token("sbx", "attempt-sbx", "ro", "facilitator"))}`;
    const answer = await page.goto(link);
    assert.equal(answer?.status(), 200);
    assert.match(answer?.url() ?? "", /\/app\/sbx\/~[A-Za-z0-9_-]{32}\/$/);
    await page.waitForFunction(() => document.title === "attacked", undefined, { timeout: 10_000 });
    const sandboxed = await graded(2);
    console.log(`the proxied page's request reached the game with cookie "${sandboxed.cookie}" (${sandboxed.query})`);
    assert.equal(sandboxed.cookie, "", "the game's cookie went along with the environment's request");
    assert.match(decodeURIComponent(sandboxed.query), /cookie=threw:SecurityError/);
    assert.match(decodeURIComponent(sandboxed.query), /origin=null/);
    const cookies = await context.cookies();
    assert.deepEqual(
      cookies.map((c) => `${c.name}=${c.value}`),
      ["game_session=victim"],
      "the environment set or cleared no cookie on the host",
    );
    await context.close();
  },
);

test(
  "the environment sees no cookie or credential of the browser, and its cookie and CORS headers never arrive",
  { skip: !REAL_STACK && "needs node in the stack", timeout: 60_000 },
  async () => {
    const entry = await fetch(`${base}/app/sbx/shop?token=${encodeURIComponent(token("sbx", "attempt-sbx"))}`, {
      redirect: "manual",
    });
    assert.equal(entry.status, 303);
    const res = await fetch(`${base}${entry.headers.get("location")}`, {
      headers: { cookie: "next-auth.session-token=victim-session; game_session=victim", authorization: "Bearer nope" },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-security-policy") ?? "", /sandbox allow-scripts/);
    assert.doesNotMatch(res.headers.get("content-security-policy") ?? "", /allow-same-origin/);
    for (const h of [
      "set-cookie",
      "clear-site-data",
      "access-control-allow-origin",
      "access-control-allow-credentials",
    ])
      assert.equal(res.headers.get(h), null, h);
    const seen = (await orch.exec("sbx", "proxy", "cat /tmp/hostile-seen.log")).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { url: string; headers: Record<string, string> });
    const last = seen.find((s) => s.url === "/shop");
    assert.ok(last, JSON.stringify(seen.map((s) => s.url)));
    assert.equal(last.headers.cookie, undefined);
    assert.equal(last.headers.authorization, undefined);
    assert.ok(
      seen.every((s) => !JSON.stringify(s.headers).includes("victim")),
      "a cookie reached the environment",
    );
  },
);
