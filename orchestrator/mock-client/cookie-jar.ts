/**
 * One visitor's cookies, kept as a browser keeps them for a plain-HTTP site:
 * Set-Cookie from every response is stored (name, value, Path, Max-Age/Expires;
 * a past expiry or Max-Age=0 deletes), and sent back in the Cookie header of the
 * later requests whose path it covers. Secure cookies are not kept (the shop is
 * served over http, where browsers refuse them); Domain is not needed (one host).
 * Pure: time is passed in.
 */
interface Cookie {
  value: string;
  path: string;
  /** Epoch ms; undefined for a session cookie (kept for the whole visit). */
  expires?: number;
}

const MAX_COOKIES = 50;

/** The directory of a request path, as RFC 6265 §5.1.4 defines the default cookie path. */
function defaultPath(requestPath: string): string {
  const path = requestPath.split("?")[0] ?? "/";
  if (!path.startsWith("/")) return "/";
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

/** RFC 6265 §5.1.4: does the cookie path cover the request path? */
function pathMatches(cookiePath: string, requestPath: string): boolean {
  const path = requestPath.split("?")[0] ?? "/";
  if (path === cookiePath) return true;
  if (!path.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || path.charAt(cookiePath.length) === "/";
}

export class CookieJar {
  private readonly cookies = new Map<string, Cookie>();

  /** Store the Set-Cookie header(s) of a response to a request for `requestPath`. */
  store(setCookie: string | string[] | undefined, requestPath: string, now = Date.now()): void {
    if (!setCookie) return;
    for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) this.storeOne(line, requestPath, now);
  }

  private storeOne(line: string, requestPath: string, now: number): void {
    const [pair = "", ...attrs] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq <= 0) return; // a nameless cookie: browsers differ, we ignore it
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!name) return;
    let path: string | undefined;
    let expires: number | undefined;
    let maxAge: number | undefined;
    let secure = false;
    for (const attr of attrs) {
      const [rawKey = "", ...rest] = attr.split("=");
      const key = rawKey.trim().toLowerCase();
      const v = rest.join("=").trim();
      if (key === "path" && v.startsWith("/")) path = v;
      else if (key === "max-age" && /^-?\d+$/.test(v)) maxAge = Number(v);
      else if (key === "expires") {
        const t = Date.parse(v);
        if (Number.isFinite(t)) expires = t;
      } else if (key === "secure") secure = true;
    }
    if (secure) return;
    // Max-Age wins over Expires (RFC 6265 §5.3 step 3).
    if (maxAge !== undefined) expires = maxAge <= 0 ? 0 : now + maxAge * 1000;
    const cookiePath = path ?? defaultPath(requestPath);
    const key = `${name}\u0000${cookiePath}`;
    if (expires !== undefined && expires <= now) {
      this.cookies.delete(key);
      return;
    }
    // A cookie set again keeps its place (its creation time, RFC 6265 §5.3 step 11.3).
    this.cookies.set(key, { value, path: cookiePath, expires });
    while (this.cookies.size > MAX_COOKIES) {
      const oldest = this.cookies.keys().next().value;
      if (oldest === undefined) break;
      this.cookies.delete(oldest);
    }
  }

  /** The Cookie header for a request to `requestPath` (undefined when no cookie applies). */
  header(requestPath: string, now = Date.now()): string | undefined {
    const out: { name: string; value: string; pathLength: number }[] = [];
    for (const [key, c] of this.cookies) {
      if (c.expires !== undefined && c.expires <= now) {
        this.cookies.delete(key);
        continue;
      }
      if (!pathMatches(c.path, requestPath)) continue;
      out.push({ name: key.split("\u0000")[0] ?? "", value: c.value, pathLength: c.path.length });
    }
    if (out.length === 0) return undefined;
    // Longer paths first (RFC 6265 §5.4 step 2); otherwise in the order they were set.
    out.sort((a, b) => b.pathLength - a.pathLength);
    return out.map((c) => `${c.name}=${c.value}`).join("; ");
  }

  size(): number {
    return this.cookies.size;
  }
}
