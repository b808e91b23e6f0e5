/**
 * GET|POST… /app/:envId/*?token=… — the environment's app as its users see it,
 * for the browser. The signed token comes in the query once; it is then kept
 * in a cookie scoped to /app/:envId/ so the app's own (relative) links work.
 * Absolute redirects from the app are re-prefixed.
 */
import { request } from "node:http";
import { OrchestratorError } from "../../errors";
import { authorizeEnvironment, authorizeToken } from "../../live/authorize";
import type { Orchestrator } from "../../service";
import type { Route, RouteContext } from "../router";

const COOKIE = "fd_app_token";
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "cookie",
  "authorization",
]);

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === COOKIE) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** Forward the app's own cookies, without ours. */
function appCookies(header: string | undefined): string | undefined {
  const kept = (header ?? "")
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith(`${COOKIE}=`));
  return kept.length ? kept.join("; ") : undefined;
}

async function proxy(orch: Orchestrator, { req, res, params, url }: RouteContext): Promise<undefined> {
  const envId = params.id as string;
  const prefix = `/app/${envId}`;
  const queryToken = url.searchParams.get("token") ?? undefined;
  const payload = authorizeToken(queryToken ?? cookieToken(req.headers.cookie), orch.config.secret);
  authorizeEnvironment(payload, orch.deps.envs.get(envId));

  if (url.pathname === prefix) {
    res.writeHead(308, { location: `${prefix}/${url.search}` }).end();
    return undefined;
  }
  const target = await orch.appTarget(envId);
  orch.touch(envId);

  url.searchParams.delete("token");
  const path = `/${params.rest ?? ""}${url.searchParams.size ? `?${url.searchParams}` : ""}`;
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
  const cookies = appCookies(req.headers.cookie);
  if (cookies) headers.cookie = cookies;
  headers.host = `${target.host}:${target.port}`;
  headers["x-forwarded-prefix"] = prefix;
  headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";

  await new Promise<void>((resolve) => {
    const upstream = request(
      { host: target.host, port: target.port, method: req.method, path, headers, timeout: 30_000 },
      (answer) => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
        const location = answer.headers.location;
        if (location?.startsWith("/") && !location.startsWith("//")) out.location = `${prefix}${location}`;
        if (queryToken) {
          const mine = `${COOKIE}=${encodeURIComponent(queryToken)}; Path=${prefix}/; HttpOnly; SameSite=Lax`;
          const theirs = answer.headers["set-cookie"] ?? [];
          out["set-cookie"] = [...theirs, mine];
        }
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
        answer.on("end", resolve);
        answer.on("error", () => (res.destroy(), resolve()));
      },
    );
    upstream.on("timeout", () => upstream.destroy(new Error("timeout")));
    upstream.on("error", (err) => {
      if (!res.headersSent)
        res
          .writeHead(502, { "content-type": "text/plain" })
          .end(`the environment's app did not answer: ${err.message}`);
      else res.destroy();
      resolve();
    });
    req.pipe(upstream);
  });
  return undefined;
}

export function appProxyRoutes(orch: Orchestrator): Route[] {
  const handler = (ctx: RouteContext) => proxy(orch, ctx);
  const routes: Route[] = [];
  for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]) {
    routes.push({ method, path: "/app/:id", handler, auth: "browser" });
    routes.push({ method, path: "/app/:id/*", handler, auth: "browser" });
  }
  return routes;
}

export { OrchestratorError };
