/**
 * What every route handler checks before its own code runs (called by
 * guardedRoute): the URL is sane, and a state-changing request comes from the
 * game's own pages, carries the content type its route takes, and is no larger
 * than the route's cap. The body is read here, capped, and handed on in a fresh
 * request, so no handler can read an uncapped body.
 */
import { NextRequest } from "next/server";
import { AppError } from "../../lib/errors";
import { checkContentType, checkOrigin, mediaType } from "./check-origin";
import { checkUrl } from "./check-url";
import { readCappedBody } from "./read-capped-body";

export const DEFAULT_MAX_BODY = 64 * 1024;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface WritePolicy {
  /** Media types a write may carry; JSON only unless a route says otherwise. */
  accepts?: readonly string[];
  /** The largest body, in bytes; DEFAULT_MAX_BODY unless a route says otherwise. */
  maxBytes?: number;
  /** Only the game's own pages: a request without an Origin header is refused too. */
  pagesOnly?: boolean;
}

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE.has(method.toUpperCase());
}

export async function screenRequest(
  req: NextRequest,
  policy: WritePolicy,
  origins: ReadonlySet<string>,
): Promise<NextRequest> {
  const url = new URL(req.url);
  checkUrl(url.pathname + url.search);
  if (!isUnsafeMethod(req.method)) return req;
  checkOrigin(req.headers, origins, { pagesOnly: policy.pagesOnly });
  checkContentType(req.headers, policy.accepts ?? ["application/json"]);
  const text = await readCappedBody(req, policy.maxBytes ?? DEFAULT_MAX_BODY);
  if (text.includes("\0") || (mediaType(req.headers) === "application/x-www-form-urlencoded" && /%00/i.test(text)))
    throw new AppError("INVALID_INPUT", "The request body contains a NUL character.");
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new NextRequest(req.url, { method: req.method, headers, body: text === "" ? undefined : text });
}
