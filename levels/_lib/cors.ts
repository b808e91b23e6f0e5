/**
 * What a browser does with a cross-origin fetch (the Fetch standard's CORS rules), as pure
 * functions: whether a preflight is needed, what the preflight asks, and whether the
 * preflight's and the answer's `Access-Control-*` headers let the page read the answer.
 * The mock client enforces them as a customer's browser would; checks judge with them.
 * Header names are lower case (as `HttpResult.headers` gives them).
 */

export interface CorsRequest {
  /** The page's origin, sent as `Origin`: `http://www.shop.test`. */
  origin: string;
  method: string;
  /** The request headers the page's script sets (not the browser's own). */
  headers: Record<string, string>;
  /** fetch(…, { credentials: "include" }): cookies go, and the answer must allow credentials. */
  credentials: boolean;
}

export type CorsVerdict = { ok: true } | { ok: false; reason: string };

const SIMPLE_METHODS = new Set(["GET", "HEAD", "POST"]);
const SIMPLE_CONTENT_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);
const SAFELISTED = new Set(["accept", "accept-language", "content-language", "content-type", "range"]);

/** Request headers a script set that are not CORS-safelisted (lower case, sorted), as a preflight lists them. */
export function unsafeHeaders(headers: Record<string, string>): string[] {
  const out = new Set<string>();
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (!SAFELISTED.has(name)) out.add(name);
    else if (name === "content-type") {
      const essence = value.split(";")[0]?.trim().toLowerCase() ?? "";
      if (!SIMPLE_CONTENT_TYPES.has(essence)) out.add(name);
    } else if (value.length > 128) out.add(name);
  }
  return [...out].sort();
}

/** A browser sends a preflight for a method other than GET/HEAD/POST or a header that is not safelisted. */
export function needsPreflight(req: Pick<CorsRequest, "method" | "headers">): boolean {
  return !SIMPLE_METHODS.has(req.method.toUpperCase()) || unsafeHeaders(req.headers).length > 0;
}

/** The preflight's own headers (besides the browser's usual ones): no cookies, no script headers. */
export function preflightHeaders(req: CorsRequest): Record<string, string> {
  const h: Record<string, string> = {
    origin: req.origin,
    "access-control-request-method": req.method.toUpperCase(),
  };
  const names = unsafeHeaders(req.headers);
  if (names.length) h["access-control-request-headers"] = names.join(",");
  return h;
}

/** Comma-separated tokens of a header (lower case unless `keepCase`). */
function tokens(value: string | undefined, keepCase = false): string[] {
  if (value === undefined) return [];
  return value
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => (keepCase ? t : t.toLowerCase()));
}

/**
 * The CORS check on an answer (the actual one or a preflight's): Access-Control-Allow-Origin must be
 * one value, `*` only without credentials, else the origin byte for byte; with credentials,
 * Access-Control-Allow-Credentials must be exactly `true`.
 */
export function corsCheck(req: CorsRequest, headers: Record<string, string>): CorsVerdict {
  const acao = headers["access-control-allow-origin"];
  if (acao === undefined) return { ok: false, reason: "no Access-Control-Allow-Origin header" };
  if (acao.includes(","))
    return { ok: false, reason: `Access-Control-Allow-Origin has several values ("${acao}"), which browsers refuse` };
  const value = acao.trim();
  if (value === "*") {
    if (req.credentials)
      return {
        ok: false,
        reason: "Access-Control-Allow-Origin is * on a request with credentials, which browsers refuse",
      };
    return { ok: true };
  }
  if (value !== req.origin)
    return { ok: false, reason: `Access-Control-Allow-Origin is "${value}", not the page's origin ${req.origin}` };
  if (req.credentials && headers["access-control-allow-credentials"]?.trim() !== "true")
    return { ok: false, reason: "credentials are not allowed (Access-Control-Allow-Credentials is not true)" };
  return { ok: true };
}

/** The preflight's answer: an ok status, the CORS check, then the method and every requested header allowed. */
export function preflightCheck(req: CorsRequest, status: number, headers: Record<string, string>): CorsVerdict {
  if (status < 200 || status > 299) return { ok: false, reason: `the preflight (OPTIONS) was answered ${status}` };
  const cors = corsCheck(req, headers);
  if (!cors.ok) return { ok: false, reason: `preflight: ${cors.reason}` };
  const method = req.method.toUpperCase();
  const methods = tokens(headers["access-control-allow-methods"], true);
  const anyMethod = !req.credentials && methods.includes("*");
  // Method names are compared case-sensitively, except that the simple ones need no allowing.
  if (!SIMPLE_METHODS.has(method) && !anyMethod && !methods.includes(method))
    return { ok: false, reason: `preflight: the method ${method} is not allowed (Access-Control-Allow-Methods)` };
  const allowed = tokens(headers["access-control-allow-headers"]);
  const anyHeader = !req.credentials && allowed.includes("*");
  for (const name of unsafeHeaders(req.headers)) {
    // `*` never covers Authorization.
    if (anyHeader && name !== "authorization") continue;
    if (!allowed.includes(name))
      return { ok: false, reason: `preflight: the header ${name} is not allowed (Access-Control-Allow-Headers)` };
  }
  return { ok: true };
}

/** Whether `Vary` names `Origin` (or is `*`): a cache must not give one origin's answer to another. */
export function variesByOrigin(headers: Record<string, string>): boolean {
  const vary = tokens(headers.vary);
  return vary.includes("origin") || vary.includes("*");
}

/**
 * An answer that changes with the Origin asked (the allowed origin gets its ACAO, another origin
 * gets none or another) must say `Vary: Origin`, or a shared cache serves one origin's answer to another.
 */
export function varyProblem(
  allowedAnswer: Record<string, string>,
  foreignAnswer: Record<string, string>,
): string | null {
  const a = allowedAnswer["access-control-allow-origin"];
  const b = foreignAnswer["access-control-allow-origin"];
  if (a === b) return null;
  if (variesByOrigin(allowedAnswer)) return null;
  return "the answer's Access-Control-Allow-Origin changes with the Origin asked, but it does not say Vary: Origin";
}
