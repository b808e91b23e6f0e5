/**
 * Cross-origin access to the JSON API (/api/…), for a front end served from another origin.
 * Configured in /etc/app/app.env; with CORS_ALLOWED_ORIGINS unset the app sends no CORS headers
 * and answers no preflight (same-origin pages need none).
 *
 *   CORS_ALLOWED_ORIGINS    origins allowed to call the API, comma-separated (`*` for any origin)
 *   CORS_ALLOW_CREDENTIALS  `true`: the front end sends its cookies (fetch credentials: "include")
 *   CORS_ALLOW_HEADERS      request headers a front end may send (preflight answer)
 *   CORS_ALLOW_METHODS      methods a front end may use (preflight answer)
 *   CORS_MAX_AGE            seconds a browser may cache a preflight answer
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export interface CorsConfig {
  allowedOrigins: string[];
  allowCredentials: boolean;
  allowHeaders: string;
  allowMethods: string;
  maxAgeSeconds: number;
}

export function loadCorsConfig(env: NodeJS.ProcessEnv): CorsConfig | null {
  const origins = (env.CORS_ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  if (!origins.length) return null;
  return {
    allowedOrigins: origins,
    allowCredentials: (env.CORS_ALLOW_CREDENTIALS ?? "").trim().toLowerCase() === "true",
    allowHeaders: env.CORS_ALLOW_HEADERS?.trim() || "content-type",
    allowMethods: env.CORS_ALLOW_METHODS?.trim() || "GET, POST",
    maxAgeSeconds: Number(env.CORS_MAX_AGE ?? 600) || 0,
  };
}

/**
 * Adds the CORS headers an API answer carries; answers a preflight itself.
 * Returns true when the request has been answered (a preflight).
 */
export function applyCors(cors: CorsConfig | null, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (!cors || !path.startsWith("/api/")) return false;
  const origin = req.headers.origin;
  const any = cors.allowedOrigins.includes("*");
  if (!any) res.setHeader("vary", "Origin");
  const allowed = typeof origin === "string" && (any || cors.allowedOrigins.includes(origin));
  if (allowed) {
    res.setHeader("access-control-allow-origin", any ? "*" : origin);
    if (cors.allowCredentials) res.setHeader("access-control-allow-credentials", "true");
  }
  const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
  if (!preflight) return false;
  if (allowed) {
    res.setHeader("access-control-allow-methods", cors.allowMethods);
    res.setHeader("access-control-allow-headers", cors.allowHeaders);
    res.setHeader("access-control-max-age", String(cors.maxAgeSeconds));
  }
  res.writeHead(204, { "content-length": 0 });
  res.end();
  return true;
}
