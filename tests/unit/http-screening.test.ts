/**
 * The web server's first look at a request (server/http/screen-incoming.ts), on a
 * real local HTTP server and raw sockets: spoofed forwarding headers, a 40 MB
 * body, a NUL in the URL. Plus the pure pieces it is made of.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { issueDeviceCookie, verifyDeviceCookie } from "../../lib/auth/known-device";
import { checkOrigin } from "../../server/http/check-origin";
import { resolveClientAddress } from "../../server/http/client-address";
import { screenIncoming } from "../../server/http/screen-incoming";
import { proxyListError, trustedProxies } from "../../lib/config/trusted-proxies";
import { isAppError } from "../../lib/errors";

let server: Server;
let port: number;
let bodyBytesRead = 0;
let trusted = trustedProxies("");

before(async () => {
  server = createServer((req, res) => {
    if (!screenIncoming(req, res, { maxBody: 64 * 1024, trusted })) return;
    req.on("data", (c: Buffer) => (bodyBytesRead += c.length));
    req.on("end", () => res.end(JSON.stringify({ client: req.headers["x-forwarded-for"] })));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

/** Sends raw bytes, returns the status line and how long the answer took. */
function raw(head: string, body = "", opts: { keepOpen?: boolean } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => {
      s.write(head + body);
      if (!opts.keepOpen) s.end();
    });
    let text = "";
    s.on("data", (d) => {
      text += d.toString();
      if (opts.keepOpen && text.includes("\r\n\r\n") && /\}$/.test(text)) s.destroy();
    });
    s.on("close", () => resolve({ status: Number(text.split(" ")[1]), text }));
    s.on("error", reject);
  });
}

test("a spoofed X-Forwarded-For from an untrusted peer is replaced by the socket's address", async () => {
  trusted = trustedProxies("");
  const r = await raw(
    "GET /x HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 203.0.113.9\r\nX-Real-IP: 1.2.3.4\r\nConnection: close\r\n\r\n",
  );
  assert.equal(r.status, 200);
  assert.match(r.text, /"client":"127\.0\.0\.1"/);
});

test("behind a trusted proxy, the hop the proxy saw is the client; what the client wrote left of it is not", async () => {
  trusted = trustedProxies("127.0.0.0/8");
  const r = await raw(
    "GET /x HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 6.6.6.6, 198.51.100.7\r\nConnection: close\r\n\r\n",
  );
  assert.match(r.text, /"client":"198\.51\.100\.7"/);
  trusted = trustedProxies("");
});

test("a body declaring 40 MB is refused with 413 before a byte of it is read", async () => {
  bodyBytesRead = 0;
  const started = Date.now();
  // Only 1 KB of the promised 40 MB is ever sent: an answer proves nobody waited for the rest.
  const r = await raw(
    `POST /api/attempts/x/grade HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: ${40 * 1024 * 1024}\r\n\r\n`,
    "x".repeat(1024),
    { keepOpen: true },
  );
  assert.equal(r.status, 413);
  assert.match(r.text, /PAYLOAD_TOO_LARGE/);
  assert.equal(bodyBytesRead, 0);
  assert.ok(Date.now() - started < 2000);
});

test("a NUL, an encoded NUL or a broken %-escape in the URL is 400; a bad Content-Length too", async () => {
  for (const path of ["/api/attempts/%00/state", "/api/me?x=%00", "/api/attempts/%E0%A4%A/state", "/a%ZZ"]) {
    const r = await raw(`GET ${path} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`);
    assert.equal(r.status, 400, path);
    assert.match(r.text, /INVALID_INPUT/);
  }
  const r = await raw("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 12abc\r\nConnection: close\r\n\r\n");
  assert.equal(r.status, 400);
});

test("resolveClientAddress: mapped IPv4, chains of trusted proxies, garbage hops", () => {
  const t = trustedProxies("10.0.0.0/8, ::1");
  assert.equal(resolveClientAddress("::ffff:127.0.0.1", "1.1.1.1", t), "127.0.0.1");
  assert.equal(resolveClientAddress("10.0.0.2", "9.9.9.9, 8.8.8.8, 10.0.0.5", t), "8.8.8.8");
  assert.equal(resolveClientAddress("::1", "not-an-ip, 8.8.8.8", t), "8.8.8.8");
  assert.equal(resolveClientAddress("10.0.0.2", "8.8.8.8, garbage", t), "10.0.0.2");
  assert.equal(resolveClientAddress("10.0.0.2", undefined, t), "10.0.0.2");
  assert.equal(resolveClientAddress(undefined, "8.8.8.8", t), "unknown");
});

test("TRUSTED_PROXIES names a bad entry", () => {
  assert.equal(proxyListError(""), null);
  assert.equal(proxyListError("10.0.0.0/8,192.168.1.1, fd00::/8"), null);
  assert.match(proxyListError("10.0.0.0/33") ?? "", /10\.0\.0\.0\/33/);
  assert.match(proxyListError("proxy.local") ?? "", /proxy\.local/);
});

test("checkOrigin: only the game's own origin, never same-site; no Origin only for non-browser clients", () => {
  const origins = new Set(["http://localhost:3000"]);
  const refused = (h: Record<string, string>, pagesOnly = false) => {
    try {
      checkOrigin(new Headers(h), origins, { pagesOnly });
      return false;
    } catch (e) {
      return isAppError(e) && e.code === "FORBIDDEN";
    }
  };
  assert.equal(refused({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }), false);
  assert.equal(refused({}), false);
  assert.equal(refused({}, true), true);
  assert.equal(refused({ origin: "http://localhost:4100" }), true);
  assert.equal(refused({ origin: "null" }), true);
  assert.equal(refused({ origin: "http://localhost:3000", "sec-fetch-site": "same-site" }), true);
  assert.equal(refused({ "sec-fetch-site": "cross-site" }), true);
});

test("known-device cookie: bound to its account, signed, expires", () => {
  const secret = "s".repeat(32);
  const now = new Date("2026-12-01T00:00:00Z");
  const c = issueDeviceCookie("user1", secret, now, "dev1");
  assert.equal(verifyDeviceCookie(c, "user1", secret, now), "dev1");
  assert.equal(verifyDeviceCookie(c, "user2", secret, now), null);
  assert.equal(verifyDeviceCookie(c, "user1", "t".repeat(32), now), null);
  assert.equal(verifyDeviceCookie(c.replace("dev1", "dev2"), "user1", secret, now), null);
  assert.equal(verifyDeviceCookie(c, "user1", secret, new Date(now.getTime() + 181 * 86_400_000)), null);
  assert.equal(verifyDeviceCookie(undefined, "user1", secret, now), null);
});
