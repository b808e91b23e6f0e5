/**
 * Cross-site request refusal for state-changing requests. A page elsewhere (a
 * player's app served from the orchestrator's port is "same-site" but not
 * "same-origin") can make the browser send the game's cookies; it cannot make
 * the browser lie about Origin or Sec-Fetch-Site. Browsers send Origin on every
 * non-GET fetch; a request with neither header is not from a browser page, and
 * is allowed unless the route takes writes only from the game's own pages.
 */
import { AppError } from "../../lib/errors";

export function checkOrigin(headers: Headers, origins: ReadonlySet<string>, opts: { pagesOnly?: boolean } = {}): void {
  const origin = headers.get("origin");
  const site = headers.get("sec-fetch-site");
  if (origin !== null && !origins.has(origin))
    throw new AppError("FORBIDDEN", `Requests from ${origin} may not change anything here.`);
  // "same-site" is exactly the orchestrator's port on the game's host name: refused like any other site.
  if (site !== null && site !== "same-origin")
    throw new AppError("FORBIDDEN", "Only the game's own pages may change anything here.");
  if (opts.pagesOnly && origin === null)
    throw new AppError("FORBIDDEN", "Only the game's own pages may send this (no Origin header).");
}

/** The media type without parameters, lower-cased: "application/json; charset=utf-8" → "application/json". */
export function mediaType(headers: Headers): string | null {
  const raw = headers.get("content-type");
  return raw === null ? null : (raw.split(";")[0] ?? "").trim().toLowerCase();
}

export function checkContentType(headers: Headers, accepts: readonly string[]): void {
  const type = mediaType(headers);
  if (type === null || !accepts.includes(type))
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the body as ${accepts.join(" or ")} (got ${type ?? "no Content-Type"}).`,
    );
}
