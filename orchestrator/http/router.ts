/** A small route table: method + path pattern → handler. Bearer auth unless a route says otherwise. */
import { timingSafeEqual, createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { OrchestratorError } from "../errors";

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  url: URL;
}

/** A handler returns [status, body] for JSON, or undefined when it answered itself (the app proxy). */
export type Handler = (ctx: RouteContext) => Promise<[number, unknown] | undefined>;

export interface Route {
  method: string;
  path: string;
  handler: Handler;
  /** "bearer" (default): the web app with ORCHESTRATOR_SECRET; "browser": the handler checks a signed token. */
  auth?: "bearer" | "browser";
}

interface Compiled extends Route {
  regex: RegExp;
  keys: string[];
}

export function compile(routes: Route[]): Compiled[] {
  return routes.map((r) => {
    const keys: string[] = [];
    const pattern = r.path
      .split("/")
      .map((part) => {
        if (part === "*") return "(?<rest>.*)";
        if (part.startsWith(":")) {
          keys.push(part.slice(1));
          return `(?<${part.slice(1)}>[^/]+)`;
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    return { ...r, regex: new RegExp(`^${pattern}$`), keys };
  });
}

export function match(
  routes: Compiled[],
  method: string,
  pathname: string,
): { route: Compiled; params: Record<string, string> } | "method" | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const m = route.regex.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeParam(v ?? "");
    return { route, params };
  }
  return pathMatched ? "method" : undefined;
}

/** A path parameter, decoded; a malformed escape or a control character (NUL…) is the client's error. */
export function decodeParam(raw: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new OrchestratorError("bad_request", "malformed percent-encoding in the path");
  }
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new OrchestratorError("bad_request", "control characters in the path");
  return value;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

export function checkBearer(req: IncomingMessage, secret: string): void {
  const header = req.headers.authorization ?? "";
  const given = header.startsWith("Bearer ") ? header.slice(7) : "";
  // Compare digests: equal length, constant time, whatever was sent.
  if (!given || !timingSafeEqual(digest(given), digest(secret))) {
    throw new OrchestratorError("unauthorized", "Authorization: Bearer <ORCHESTRATOR_SECRET> required");
  }
}
