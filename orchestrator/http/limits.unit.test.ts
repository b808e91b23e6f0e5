/**
 * The HTTP API refuses oversized bodies before reading them (declared or
 * streamed) and closes the connection instead of draining it; a malformed URL
 * or a NUL byte is a 400. A real server on a free port; no engine needed.
 */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, test } from "node:test";
import { createOrchestrator } from "../service";
import { startApiServer, type ApiServer } from "./server";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SECRET = "limits-secret-limits-secret";
const orch = createOrchestrator({
  dataDir: mkdtempSync(join(tmpdir(), "fd-limits-")),
  secret: SECRET,
  log: () => undefined,
});
let api: ApiServer;

before(async () => {
  api = await startApiServer(orch, 0, "127.0.0.1");
});
after(() => api.close());

/** Send headers, then up to `total` bytes of body while the server lets us; the answer and how much got out. */
function push(
  head: string,
  total: number,
  chunked = false,
): Promise<{ status: number; sent: number; closed: boolean }> {
  return new Promise((resolve) => {
    const sock = connect(api.port, "127.0.0.1");
    let sent = 0;
    let answer = "";
    let done = false;
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!done && sent < total) {
        const piece = chunked
          ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
          : chunk;
        sent += chunk.length;
        if (!sock.write(piece)) return void sock.once("drain", pump);
      }
    };
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      sock.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 0), sent, closed });
    };
    sock.on("data", (b) => (answer += b.toString()));
    sock.on("end", () => finish(true));
    sock.on("close", () => finish(true));
    sock.on("error", () => finish(true));
    setTimeout(() => finish(false), 10_000);
    sock.write(head);
    pump();
  });
}

const bearer = `Authorization: Bearer ${SECRET}\r\n`;
const FORTY_MB = 40 * 1024 * 1024;

test("a declared 40 MB body is refused (413) before it is read, and the connection closes", async () => {
  const r = await push(
    `POST /environments/x/exec HTTP/1.1\r\nHost: a\r\n${bearer}Content-Type: application/json\r\nContent-Length: ${FORTY_MB}\r\n\r\n`,
    FORTY_MB,
  );
  assert.equal(r.status, 413);
  assert.equal(r.closed, true);
  assert.ok(r.sent < 16 * 1024 * 1024, `the server read ${r.sent} bytes`);
});

test("a streamed (chunked) body is cut at the cap", async () => {
  const r = await push(
    `POST /environments/x/exec HTTP/1.1\r\nHost: a\r\n${bearer}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    FORTY_MB,
    true,
  );
  assert.equal(r.status, 413);
  assert.equal(r.closed, true);
  assert.ok(r.sent < 16 * 1024 * 1024, `the server read ${r.sent} bytes`);
});

test("without the secret a big body is refused and not drained either", async () => {
  const r = await push(`POST /environments HTTP/1.1\r\nHost: a\r\nContent-Length: ${FORTY_MB}\r\n\r\n`, FORTY_MB);
  assert.equal(r.status, 401);
  assert.equal(r.closed, true);
  assert.ok(r.sent < 16 * 1024 * 1024, `the server read ${r.sent} bytes`);
});

test("malformed percent-encoding and NUL bytes are 400, never 500", async () => {
  const get = async (path: string, auth = true) =>
    (await fetch(`http://127.0.0.1:${api.port}${path}`, { headers: auth ? { authorization: `Bearer ${SECRET}` } : {} }))
      .status;
  assert.equal(await get("/environments/%E0%A4%A"), 400);
  assert.equal(await get("/environments/a%00b"), 400);
  assert.equal(await get("/environments/a%00b/recordings/x"), 400);
  assert.equal(await get("/environments/%zz"), 400);
  assert.equal(await get("/app/%zz/", false), 400);
  assert.equal(await get("/app/e/~x%00/", false), 400);
  assert.equal(await get("/environments/ok?x=%00"), 400);
});
