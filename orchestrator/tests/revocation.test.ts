/**
 * Revoking a person's sessions reaches the orchestrator, a real process: an open
 * terminal, environment feed and app page end within seconds, and a token issued
 * before the revocation opens nothing. The web app's own client sends the
 * revocation. Tokens also end at expiry unless the socket is handed a fresh one.
 */
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Socket } from "socket.io-client";
import { signAccessToken } from "../../lib/contracts/access-token";
import { orchestrator } from "../../lib/orchestrator-client/client";
import { notifyRevocation } from "../../lib/sessions/notify-revocation";
import { createDockerDriver } from "../driver/docker/create-docker-driver";
import { orchestratorIdFor } from "../driver/names";
import { startChild, type Child } from "./support/child-orchestrator";
import { provisionReady } from "./support/child-environments";
import { SECRET, SHELL_INSTANCE, tempDataDir, testLevelsDir } from "./support/harness";
import { once, openSocket, outputUntil } from "./support/terminal-client";

const dataDir = tempDataDir();
const oid = orchestratorIdFor(resolve(dataDir, "orchestrator"));
let child: Child;
let base = "";
const sockets: Socket[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const tokenFor = (sub: string, sid: string, ttl = 300, mode: "rw" | "ro" = "rw") =>
  signAccessToken({ env: "rev", attempt: "attempt-rev", sub, name: sub, mode, sid }, SECRET, ttl);

function terminal(token: string, session: string): Socket {
  const s = openSocket(base, "/terminal", { token, instance: SHELL_INSTANCE, session });
  sockets.push(s);
  return s;
}

/** Resolves with the ms until the socket is disconnected by the server (and the error it heard). */
function endedWithin(s: Socket, ms: number): Promise<{ after: number; error?: { code: string; message: string } }> {
  const start = Date.now();
  let error: { code: string; message: string } | undefined;
  s.on("error", (e: { code: string; message: string }) => (error = e));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    s.once("disconnect", () => (clearTimeout(timer), resolve({ after: Date.now() - start, error })));
  });
}

async function refusal(token: string): Promise<string> {
  const s = terminal(token, "again");
  const err = await once<Error & { data?: { code: string; message: string } }>(s, "connect_error");
  return `${err.data?.code}: ${err.data?.message}`;
}

before(async () => {
  child = await startChild({ FIREDRILL_DATA_DIR: dataDir, LEVELS_DIR: testLevelsDir(), ORCHESTRATOR_WARM_POOL: "0" });
  base = `http://127.0.0.1:${child.port}`;
  await provisionReady(child, "rev");
});

after(async () => {
  for (const s of sockets) s.disconnect();
  child?.proc.kill("SIGKILL");
  const driver = createDockerDriver(oid);
  for (const slot of (await driver.slots()).keys()) await driver.destroy(slot);
});

const client = {
  revokeAccess: (req: Parameters<typeof orchestrator.revokeAccess>[0]) =>
    orchestrator.revokeAccess(req, { url: `http://127.0.0.1:${child.port}`, secret: SECRET }),
};

test(
  "revoking a session ends its open terminal, feed and app page within seconds; its older token opens nothing",
  { timeout: 120_000 },
  async () => {
    const token = tokenFor("ada", "sess-ada");
    const other = tokenFor("bob", "sess-bob");
    const term = terminal(token, "ada");
    await once(term, "ready");
    term.emit("input", "echo before-$((6*7))\r");
    await outputUntil(term, "before-42");
    const bystander = terminal(other, "bob");
    await once(bystander, "ready");
    const feed = openSocket(base, "/environment", { token });
    sockets.push(feed);
    await once(feed, "state");
    // The app page: the token opens a grant; a slow answer is in flight when the session is revoked.
    const entry = await fetch(`${base}/app/rev/?token=${encodeURIComponent(token)}`, { redirect: "manual" });
    assert.equal(entry.status, 303);
    const page = `${base}${entry.headers.get("location")}`;
    assert.equal((await fetch(page)).status, 200);

    const termEnded = endedWithin(term, 5_000);
    const feedEnded = endedWithin(feed, 5_000);
    assert.equal(await notifyRevocation({ sessions: ["sess-ada"] }, client), true);
    const t = await termEnded;
    await feedEnded;
    console.log(`terminal ended ${t.after} ms after the revocation (${t.error?.message})`);
    assert.equal(t.error?.code, "unauthorized");
    assert.match(await refusal(token), /^unauthorized: .*revoked/);
    assert.equal((await fetch(page)).status, 401, "the app page's grant is revoked too");
    assert.equal(
      (await fetch(`${base}/app/rev/?token=${encodeURIComponent(token)}`, { redirect: "manual" })).status,
      401,
    );
    // Someone else's terminal goes on.
    bystander.emit("input", "echo still-$((6*7))\r");
    await outputUntil(bystander, "still-42");
  },
);

test(
  "disabling a person refuses every token issued to them so far, whatever the session",
  { timeout: 60_000 },
  async () => {
    const first = tokenFor("cy", "sess-cy-1");
    const second = tokenFor("cy", "sess-cy-2");
    const term = terminal(second, "cy");
    await once(term, "ready");
    const ended = endedWithin(term, 5_000);
    await notifyRevocation({ users: ["cy"] }, client);
    assert.equal((await ended).error?.code, "unauthorized");
    assert.match(await refusal(first), /^unauthorized/);
    await sleep(1100); // a token issued after the revocation (a new sign-in once re-enabled) works
    const fresh = terminal(tokenFor("cy", "sess-cy-3"), "cy2");
    await once(fresh, "ready");
  },
);

test(
  "a socket ends when its token expires, unless it is handed a fresh one for the same holder",
  { timeout: 60_000 },
  async () => {
    const short = terminal(tokenFor("dee", "sess-dee", 3), "dee");
    await once(short, "ready");
    const ended = await endedWithin(short, 6_000);
    assert.equal(ended.error?.code, "unauthorized");
    assert.match(ended.error?.message ?? "", /expired/);

    const renewed = terminal(tokenFor("eve", "sess-eve", 3), "eve");
    await once(renewed, "ready");
    const refused = once<{ code: string }>(renewed, "error");
    renewed.emit("token", tokenFor("mallory", "sess-eve", 300)); // someone else's token cannot extend it
    assert.equal((await refused).code, "forbidden");
    renewed.emit("token", tokenFor("eve", "sess-eve", 300));
    await sleep(4_500);
    assert.equal(renewed.connected, true, "still open past the first token's expiry");
    renewed.emit("input", "echo renewed-$((6*7))\r");
    await outputUntil(renewed, "renewed-42");
  },
);

test("a read-only token changes nothing through the app proxy", { timeout: 30_000 }, async () => {
  const ro = tokenFor("fac", "sess-fac", 300, "ro");
  const entry = await fetch(`${base}/app/rev/?token=${encodeURIComponent(ro)}`, { redirect: "manual" });
  const page = `${base}${entry.headers.get("location")}`;
  assert.equal((await fetch(page)).status, 200);
  assert.notEqual((await fetch(page, { method: "HEAD" })).status, 403); // passes to the app (whatever it answers)
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    const res = await fetch(`${page}api/upload`, { method, body: "x".repeat(100) });
    assert.equal(res.status, 403, method);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /read-only/);
  }
});
