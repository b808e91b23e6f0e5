/**
 * The HTTP API, the browser's app proxy and the live channels, end to end:
 * a terminal round trip through socket.io (input reaches the shell, output comes
 * back, a read-only viewer sees it and cannot type), re-attach with scrollback,
 * recordings, refused tokens and origins, and the /environment stream.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { io as connect, type Socket } from "socket.io-client";
import { signAccessToken } from "../../lib/contracts/access-token";
import { startApiServer, type ApiServer } from "../http/server";
import { request, SECRET, SHELL_INSTANCE, testOrchestrator, token } from "./support/harness";

const ORIGIN = "http://localhost:3000";
const orch = testOrchestrator({ allowedOrigins: [ORIGIN] });
let api: ApiServer;
let base = "";
const sockets: Socket[] = [];

before(async () => {
  await orch.start();
  api = await startApiServer(orch, 0, "127.0.0.1");
  base = `http://127.0.0.1:${api.port}`;
  await Promise.all([orch.provision(request("live-a")), orch.provision(request("live-b", "seed-2"))]);
});

after(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all(["live-a", "live-b"].map((id) => orch.destroy(id).catch(() => undefined)));
  await api.close();
  await orch.stop();
});

function open(ns: string, auth: Record<string, unknown>, origin = ORIGIN): Socket {
  const s = connect(`${base}${ns}`, {
    auth,
    transports: ["websocket"],
    extraHeaders: { origin },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  return s;
}

function once<T = unknown>(s: Socket, event: string, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    s.once(event, (v: T) => (clearTimeout(timer), resolve(v)));
  });
}

/** Collect "output" until it contains `needle`. */
function outputUntil(s: Socket, needle: string | RegExp, ms = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => (s.off("output", on), reject(new Error(`no "${needle}" in output: ${JSON.stringify(seen.slice(-400))}`))),
      ms,
    );
    const on = (text: string) => {
      seen += text;
      if (typeof needle === "string" ? seen.includes(needle) : needle.test(seen)) {
        clearTimeout(timer);
        s.off("output", on);
        resolve(seen);
      }
    };
    s.on("output", on);
  });
}

const tokenA = (mode: "rw" | "ro" = "rw", name = "player") => token("live-a", "attempt-live-a", mode, name);

test("terminal: input reaches the shell, output comes back, a read-only viewer sees it and cannot type", async () => {
  const player = open("/terminal", { token: tokenA(), instance: SHELL_INSTANCE, session: "main" });
  const ready = await once<{ session: string; mode: string }>(player, "ready");
  assert.deepEqual(ready, { session: "main", mode: "rw" });
  player.emit("input", "echo fd-$((6*7))\r");
  await outputUntil(player, "fd-42");

  const watcher = open("/terminal", { token: tokenA("ro", "facilitator"), instance: SHELL_INSTANCE, session: "main" });
  const replay = outputUntil(watcher, "fd-42"); // scrollback replay
  assert.deepEqual(await once(watcher, "ready"), { session: "main", mode: "ro" });
  await replay;

  const bothSee = Promise.all([outputUntil(player, "shared-line"), outputUntil(watcher, "shared-line")]);
  player.emit("input", "echo shared-line\r");
  await bothSee;

  const refused = once<{ code: string }>(watcher, "error");
  watcher.emit("input", "touch /tmp/hacked\r");
  assert.equal((await refused).code, "forbidden");
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await orch.exec("live-a", SHELL_INSTANCE, "test -e /tmp/hacked")).exitCode, 1);
});

test("terminal: resize is validated and applied; reconnecting with the session key re-attaches the same shell", async () => {
  const player = open("/terminal", { token: tokenA(), instance: SHELL_INSTANCE, session: "resume" });
  await once(player, "ready");
  const bad = once<{ code: string }>(player, "error");
  player.emit("resize", { cols: "wide", rows: 10 });
  assert.equal((await bad).code, "bad_request");
  player.emit("resize", { cols: 123, rows: 45 });
  await new Promise((r) => setTimeout(r, 200));
  player.emit("input", "stty size; echo pid=$$\r");
  const first = await outputUntil(player, /pid=\d+/);
  assert.match(first, /45 123/);
  const pid = /pid=(\d+)/.exec(first)?.[1];
  player.disconnect();

  const again = open("/terminal", { token: tokenA(), instance: SHELL_INSTANCE, session: "resume" });
  const replayed = outputUntil(again, `pid=${pid}`);
  await once(again, "ready");
  await replayed;
  again.emit("input", "echo pid=$$ again\r");
  assert.match(await outputUntil(again, /pid=\d+ again/), new RegExp(`pid=${pid} again`));
});

test("terminal: a shell opened ahead is the player's first keyless connection's, prompt and all, recorded under them", async () => {
  const slot = orch.deps.envs.get("live-b")?.slot ?? "";
  void orch.terminals.prewarm("live-b", slot, SHELL_INSTANCE);
  await new Promise((r) => setTimeout(r, 3000)); // older than the next shell by far: told apart by its age below
  const tokenB = token("live-b", "attempt-live-b", "rw", "Pat Player");
  const ageOf = async (s: Socket) => {
    s.emit("input", "echo age=$(ps -o etimes= -p $$ | tr -d ' ')\r");
    return Number(/age=(\d+)/.exec(await outputUntil(s, /age=\d+/))?.[1]);
  };
  const first = open("/terminal", { token: tokenB, instance: SHELL_INSTANCE });
  const firstOutput = once<string>(first, "output");
  const { session } = await once<{ session: string }>(first, "ready");
  assert.match(await firstOutput, /[#$] /, "the waiting shell's prompt comes with the connection");
  assert.ok((await ageOf(first)) >= 2, "the shell is the one opened ahead");

  const second = open("/terminal", { token: tokenB, instance: SHELL_INSTANCE });
  const other = await once<{ session: string }>(second, "ready");
  assert.notEqual(other.session, session, "a second connection gets a shell of its own");
  assert.ok((await ageOf(second)) < 2);
  first.disconnect();
  second.disconnect();

  const file = join(orch.config.stateDir, "recordings", "live-b", `${session}.cast`);
  await new Promise((r) => setTimeout(r, 200));
  const header = JSON.parse(readFileSync(file, "utf8").split("\n")[0] as string) as { firedrill: { user: string } };
  assert.equal(header.firedrill.user, "Pat Player");
});

test("terminal: the session is recorded as asciicast v2", () => {
  const file = join(orch.config.stateDir, "recordings", "live-a", "main.cast");
  assert.ok(existsSync(file), file);
  const lines = readFileSync(file, "utf8").trim().split("\n");
  const header = JSON.parse(lines[0] as string) as { version: number; width: number };
  assert.equal(header.version, 2);
  const events = lines.slice(1).map((l) => JSON.parse(l) as [number, string, string]);
  assert.ok(events.some(([, code, data]) => code === "o" && data.includes("fd-42")));
  assert.ok(events.every(([t], i) => i === 0 || t >= (events[i - 1]?.[0] ?? 0)));
});

test("recordings: listed and served over HTTP with the instance from the header", async () => {
  const auth = { authorization: `Bearer ${SECRET}` };
  const list = (await (await fetch(`${base}/environments/live-a/recordings`, { headers: auth })).json()) as {
    recordings: { session: string; instance: string | null; durationSeconds: number; bytes: number }[];
  };
  const main = list.recordings.find((r) => r.session === "main");
  assert.ok(main, JSON.stringify(list));
  assert.equal(main.instance, SHELL_INSTANCE);
  assert.ok(main.durationSeconds > 0 && main.bytes > 0);
  const res = await fetch(`${base}/environments/live-a/recordings/main`, { headers: auth });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /application\/x-asciicast/);
  assert.match(await res.text(), /fd-42/);
  assert.equal((await fetch(`${base}/environments/live-a/recordings/main`)).status, 401);
  assert.equal((await fetch(`${base}/environments/live-a/recordings/..%2F..%2Fx`, { headers: auth })).status, 400);
});

async function refusal(ns: string, auth: Record<string, unknown>, origin = ORIGIN): Promise<string> {
  const s = open(ns, auth, origin);
  const err = await once<Error & { data?: { code: string } }>(s, "connect_error");
  return err.data?.code ?? err.message;
}

test("refused: a token for another environment or attempt, a forged or expired token, a bad origin, an instance not in shells", async () => {
  const forB = token("live-b", "attempt-live-b");
  assert.equal(
    await refusal("/terminal", { token: token("live-a", "attempt-live-b"), instance: SHELL_INSTANCE }),
    "forbidden",
  );
  assert.equal(await refusal("/terminal", { token: token("no-such-env", "x"), instance: SHELL_INSTANCE }), "forbidden");
  assert.equal(
    await refusal("/terminal", {
      token: signAccessToken(
        { env: "live-a", attempt: "attempt-live-a", sub: "u", name: "", mode: "rw" },
        "x".repeat(40),
      ),
      instance: SHELL_INSTANCE,
    }),
    "unauthorized",
  );
  assert.equal(
    await refusal("/terminal", {
      token: signAccessToken({ env: "live-a", attempt: "attempt-live-a", sub: "u", name: "", mode: "rw" }, SECRET, -10),
      instance: SHELL_INSTANCE,
    }),
    "unauthorized",
  );
  assert.equal(await refusal("/terminal", { token: tokenA(), instance: "keeper" }), "forbidden");
  assert.equal(await refusal("/terminal", { instance: SHELL_INSTANCE }), "bad_request");
  assert.match(
    await refusal("/terminal", { token: tokenA(), instance: SHELL_INSTANCE }, "http://evil.example"),
    /websocket error|origin/i,
  );
  assert.equal(await refusal("/environment", { token: "nonsense" }), "unauthorized");
  // The app proxy: env B's token does not open env A's app.
  const res = await fetch(`${base}/app/live-a/?token=${encodeURIComponent(forB)}`);
  assert.equal(res.status, 403);
});

test("/environment streams state, SLI and stats while someone watches", async () => {
  const s = open("/environment", { token: tokenA("ro") });
  const state = await once<{ id: string; state: string }>(s, "state");
  assert.equal(state.id, "live-a");
  assert.equal(state.state, "ready");
  const sli = await once<{ requests: number }>(s, "sli", 3_000);
  assert.equal(typeof sli.requests, "number");
  const stats = await once<{ instance: string }[]>(s, "stats", 6_000);
  assert.equal(stats.length, 3);
  s.disconnect();
});

test("HTTP API: Bearer on every route, contract shapes, errors as { error: { code, message } }", async () => {
  const call = (method: string, path: string, body?: unknown, auth = true) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${SECRET}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  assert.equal((await call("GET", "/health", undefined, false)).status, 401);
  const health = (await (await call("GET", "/health")).json()) as { ok: boolean; docker: string };
  assert.equal(health.ok, true);
  const levels = (await (await call("GET", "/levels")).json()) as { levels: { id: string }[] };
  assert.ok(levels.levels.length >= 1);
  const env = (await (await call("GET", "/environments/live-a")).json()) as { state: string; instances: unknown[] };
  assert.equal(env.state, "ready");
  const exec = (await (
    await call("POST", "/environments/live-a/exec", { instance: SHELL_INSTANCE, script: "echo hi" })
  ).json()) as { stdout: string };
  assert.equal(exec.stdout, "hi\n");
  const bad = await call("POST", "/environments/live-a/exec", { instance: SHELL_INSTANCE });
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { error: { code: string } }).error.code, "bad_request");
  const missing = await call("GET", "/environments/nope");
  assert.equal(missing.status, 404);
  assert.deepEqual(Object.keys(((await missing.json()) as { error: object }).error).sort(), ["code", "message"]);
  assert.equal((await call("POST", "/environments", { id: "x", attemptId: "a", levelId: "l", seed: "s" })).status, 400);
  const sli = (await (await call("GET", "/environments/live-a/sli")).json()) as { current: object; history: unknown[] };
  assert.ok(sli.current && Array.isArray(sli.history));
  const stats = (await (await call("GET", "/environments/live-a/stats")).json()) as { instances: unknown[] };
  assert.equal(stats.instances.length, 3);
  const logs = (await (await call("GET", "/environments/live-a/logs/proxy?tail=5")).json()) as { lines: string[] };
  assert.ok(Array.isArray(logs.lines));
  const images = (await (await call("GET", "/images")).json()) as { images: { tag: string }[] };
  assert.ok(images.images.some((i) => i.tag.startsWith("firedrill/")));
  const check = (await (await call("POST", "/environments/live-a/check")).json()) as {
    passed: boolean;
    durationMs: number;
  };
  assert.equal(typeof check.passed, "boolean");
});

test("app proxy: the token in the query once, then a grant in the path; the page is sandboxed", async () => {
  const first = await fetch(`${base}/app/live-a/nginx-health?x=1&token=${encodeURIComponent(tokenA())}`, {
    redirect: "manual",
  });
  assert.equal(first.status, 303);
  const location = first.headers.get("location") ?? "";
  assert.match(location, /^\/app\/live-a\/~[A-Za-z0-9_-]{32}\/nginx-health\?x=1$/);
  assert.equal(first.headers.get("set-cookie"), null);
  const page = await fetch(`${base}${location}`);
  assert.ok([200, 404].includes(page.status), `status ${page.status}`);
  assert.match(page.headers.get("content-security-policy") ?? "", /sandbox/);
  assert.equal((await fetch(`${base}/app/live-a/nginx-health`)).status, 401);
  assert.equal((await fetch(`${base}/app/live-a/~${"a".repeat(32)}/nginx-health`)).status, 401);
  // A grant is for its environment only.
  assert.equal((await fetch(`${base}${location.replace("/app/live-a/", "/app/live-b/")}`)).status, 403);
});
