/**
 * The recording routes over real HTTP (the router's matching and decoding, the
 * handlers, the error mapping), on a temporary recordings folder: no Docker.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Orchestrator } from "../../service";
import { sendJson } from "../io";
import { errorReply } from "../map-error";
import { compile, match } from "../router";
import { recordingRoutes } from "./recordings";

const stateDir = mkdtempSync(join(tmpdir(), "fd-rec-http-"));
const cast =
  JSON.stringify({ version: 2, width: 80, height: 24, timestamp: 1_700_000_000, title: "env-http shell (Ada)" }) +
  "\n" +
  JSON.stringify([0.25, "o", "$ "]) +
  "\n";
mkdirSync(join(stateDir, "recordings", "env-http"), { recursive: true });
writeFileSync(join(stateDir, "recordings", "env-http", "main.cast"), cast);
writeFileSync(join(stateDir, "recordings", "outside.cast"), cast);

let server: Server;
let base = "";

before(async () => {
  const routes = compile(recordingRoutes({ config: { stateDir } } as unknown as Orchestrator));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://orchestrator");
    void (async () => {
      const found = match(routes, req.method ?? "GET", url.pathname);
      if (!found || found === "method") return sendJson(res, 404, { error: { code: "not_found", message: "no" } });
      const answer = await found.route.handler({ req, res, params: found.params, url });
      if (answer) sendJson(res, answer[0], answer[1]);
    })().catch((err: unknown) => {
      const reply = errorReply(err);
      sendJson(res, reply.status, reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(stateDir, { recursive: true, force: true });
});

test("GET /environments/:id/recordings lists; /:session serves the file as application/x-asciicast", async () => {
  const list = (await (await fetch(`${base}/environments/env-http/recordings`)).json()) as {
    recordings: { session: string; instance: string; durationSeconds: number }[];
  };
  assert.deepEqual(
    list.recordings.map((r) => [r.session, r.instance, r.durationSeconds]),
    [["main", "shell", 0.25]],
  );
  const res = await fetch(`${base}/environments/env-http/recordings/main`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^application\/x-asciicast/);
  assert.equal(await res.text(), cast);
});

test("encoded traversal never serves a file (refused, or normalised by the URL parser to no route)", async () => {
  for (const path of [
    "/environments/env-http/recordings/..%2Foutside",
    "/environments/env-http/recordings/%2E%2E%2Foutside",
    "/environments/env-http/recordings/%2E%2E",
    "/environments/..%2Fenv-http/recordings",
    "/environments/env-http%2F..%2F..%2Frecordings/recordings/outside",
  ]) {
    const res = await fetch(`${base}${path}`);
    assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
    assert.doesNotMatch(await res.text(), /"version":2/, path);
  }
  assert.equal((await fetch(`${base}/environments/env-http/recordings/..%2Foutside`)).status, 400);
  assert.equal((await fetch(`${base}/environments/env-http/recordings/nope`)).status, 404);
});
