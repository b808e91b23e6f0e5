/**
 * The web server's first look at every request, before Next.js parses anything
 * (scripts/web-server.ts): the client address is settled (forwarding headers
 * believed only from TRUSTED_PROXIES, written back as the one X-Forwarded-For
 * the app reads), a broken URL is a 400, and a body declaring more than any
 * route takes is a 413 without a byte of it read. Per-route caps, and chunked
 * bodies that declare nothing, are counted in guardedRoute.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isAppError } from "../../lib/errors";
import { resolveClientAddress } from "./client-address";
import { checkUrl } from "./check-url";
import { type ProxyMatcher } from "../../lib/config/trusted-proxies";

function refuse(res: ServerResponse, status: number, code: string, message: string): false {
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    // Unread body bytes are not drained: the connection ends with the answer.
    Connection: "close",
  });
  res.end(JSON.stringify({ error: { code, message } }));
  return false;
}

/** True when Next may take the request; otherwise the answer has been sent. */
export function screenIncoming(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { maxBody: number; trusted: ProxyMatcher },
): boolean {
  req.headers["x-forwarded-for"] = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    opts.trusted,
  );
  delete req.headers["x-real-ip"];
  try {
    checkUrl(req.url ?? "/");
  } catch (err) {
    if (isAppError(err)) return refuse(res, 400, err.code, err.message);
    throw err;
  }
  const declared = req.headers["content-length"]?.trim();
  if (declared !== undefined && !/^\d+$/.test(declared))
    return refuse(res, 400, "INVALID_INPUT", "Content-Length is not a number.");
  if (declared !== undefined && Number(declared) > opts.maxBody)
    return refuse(
      res,
      413,
      "PAYLOAD_TOO_LARGE",
      `The request body is larger than any route takes (${opts.maxBody} bytes).`,
    );
  return true;
}
