/**
 * What crosses the app proxy. The environment is the player's (they are root
 * there), so its pages are hostile to everyone else's browser:
 * - every answer is sandboxed by CSP (no allow-same-origin): it runs in an
 *   opaque origin, so its requests are cross-site and carry none of the game's
 *   SameSite cookies, and it cannot read or write cookies or storage of this host;
 * - only plain content headers come back (no Set-Cookie, Clear-Site-Data, CORS,
 *   HSTS, …): cookies are per host, not per port, so one could reach the game;
 * - no cookie and no credential of the browser goes to the environment.
 */

export const SANDBOX_CSP = "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads";

/** Response headers an app may set (lower case); `x-*` ones too, except those below. */
const ALLOWED_RESPONSE = new Set([
  "accept-ranges",
  "age",
  "cache-control",
  "content-disposition",
  "content-encoding",
  "content-language",
  "content-length",
  "content-range",
  "content-security-policy",
  "content-type",
  "date",
  "etag",
  "expires",
  "last-modified",
  "location",
  "pragma",
  "retry-after",
  "server",
  "vary",
]);
const DENIED_X = new Set(["x-forwarded-prefix", "x-powered-by-firedrill"]);

/** Request headers passed to the app (lower case). Cookies and credentials never are. */
const ALLOWED_REQUEST = new Set([
  "accept",
  "accept-encoding",
  "accept-language",
  "cache-control",
  "content-length",
  "content-type",
  "if-match",
  "if-modified-since",
  "if-none-match",
  "if-range",
  "if-unmodified-since",
  "pragma",
  "range",
  "user-agent",
]);

type Headers = Record<string, string | string[] | undefined>;

export function upstreamRequestHeaders(
  incoming: Headers,
  extra: { host: string; prefix: string; clientIp: string },
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(incoming)) if (v !== undefined && ALLOWED_REQUEST.has(k)) out[k] = v;
  out.host = extra.host;
  out["x-forwarded-prefix"] = extra.prefix;
  out["x-forwarded-for"] = extra.clientIp;
  return out;
}

/** The app's headers, filtered, with absolute redirects re-prefixed and the sandbox added. */
export function browserResponseHeaders(upstream: Headers, prefix: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(upstream)) {
    if (v === undefined) continue;
    if (ALLOWED_RESPONSE.has(k) || (k.startsWith("x-") && !DENIED_X.has(k))) out[k] = v;
  }
  const location = upstream.location;
  if (typeof location === "string" && location.startsWith("/") && !location.startsWith("//"))
    out.location = `${prefix}${location}`;
  const theirs = out["content-security-policy"];
  // Several CSP headers are all enforced: the app may tighten, never loosen, the sandbox.
  out["content-security-policy"] = [...(theirs === undefined ? [] : [theirs].flat()), SANDBOX_CSP];
  out["x-content-type-options"] = "nosniff";
  out["referrer-policy"] = "no-referrer";
  out["cross-origin-opener-policy"] = "same-origin";
  return out;
}
