/**
 * GET|POST… /app/:envId/… — the environment's app as its users see it, for the
 * browser. `…?token=` is checked once and redirected to `/app/:envId/~<grant>/…`
 * (http/app-proxy/grants.ts); every request re-checks the grant's token (expiry,
 * revocation, environment), a read-only token may only GET or HEAD, bodies are
 * capped, and every answer is sandboxed (http/app-proxy/headers.ts). An answer in
 * flight is cut when its token expires or is revoked.
 */
import { request } from "node:http";
import { Transform } from "node:stream";
import { OrchestratorError } from "../../errors";
import type { Orchestrator } from "../../service";
import { GRANT, Grants } from "../app-proxy/grants";
import { browserResponseHeaders, upstreamRequestHeaders } from "../app-proxy/headers";
import type { Route, RouteContext } from "../router";

/** Uploads through the proxy; the environment's own limits (a level may be about them) apply below this. */
export const MAX_PROXY_BODY = 64 * 1024 * 1024;
const READ_ONLY_METHODS = new Set(["GET", "HEAD"]);

function capped(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) done(new OrchestratorError("too_large", `body over ${limit} bytes`));
      else done(null, chunk);
    },
  });
}

/** The path after `/app/:id/`, still percent-encoded as the browser sent it. */
const rawRest = (url: URL) => url.pathname.replace(/^\/app\/[^/]+\/?/, "");

function enter(orch: Orchestrator, grants: Grants, { res, params, url }: RouteContext, token: string): undefined {
  const envId = params.id as string;
  const payload = orch.access.verify(token);
  orch.authorize(payload, envId);
  const grant = grants.issue(token, payload);
  url.searchParams.delete("token");
  const query = url.searchParams.size ? `?${url.searchParams}` : "";
  res.writeHead(303, {
    location: `/app/${encodeURIComponent(envId)}/~${grant}/${rawRest(url)}${query}`,
    "cache-control": "no-store",
  });
  res.end();
  return undefined;
}

async function proxy(orch: Orchestrator, grants: Grants, ctx: RouteContext): Promise<undefined> {
  const { req, res, params, url } = ctx;
  const envId = params.id as string;
  const token = url.searchParams.get("token");
  if (token !== null) return enter(orch, grants, ctx, token);
  const m = GRANT.exec(rawRest(url));
  const payload = m ? grants.get(m[1] as string) : undefined;
  if (!payload || !orch.access.isValid(payload))
    throw new OrchestratorError("unauthorized", "this app link has expired: open the app again from the incident room");
  orch.authorize(payload, envId);
  if (payload.mode === "ro" && !READ_ONLY_METHODS.has(req.method ?? ""))
    throw new OrchestratorError("forbidden", "read-only: you are watching this environment and cannot change it");
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_PROXY_BODY) throw new OrchestratorError("too_large", `body over ${MAX_PROXY_BODY} bytes`);

  const prefix = `/app/${encodeURIComponent(envId)}/~${m?.[1] as string}`;
  const target = await orch.appTarget(envId);
  orch.touch(envId);
  const path = `/${m?.[2] ?? ""}${url.search}`;
  const headers = upstreamRequestHeaders(req.headers, {
    host: `${target.host}:${target.port}`,
    prefix,
    clientIp: req.socket.remoteAddress ?? "",
  });

  await new Promise<void>((resolve) => {
    const upstream = request(
      { host: target.host, port: target.port, method: req.method, path, headers, timeout: 30_000 },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, browserResponseHeaders(answer.headers, prefix));
        answer.pipe(res);
        answer.on("end", resolve);
        answer.on("error", () => (res.destroy(), resolve()));
      },
    );
    const untrack = orch.access.sessions.add({
      payload,
      end: () => (upstream.destroy(), res.destroy(), resolve()),
    });
    res.on("close", untrack);
    upstream.on("timeout", () => upstream.destroy(new Error("timeout")));
    upstream.on("error", (err) => {
      if (!res.headersSent) {
        const tooLarge = err instanceof OrchestratorError && err.code === "too_large";
        res
          .writeHead(tooLarge ? 413 : 502, { "content-type": "text/plain", connection: "close" })
          .end(tooLarge ? err.message : `the environment's app did not answer: ${err.message}`);
      } else res.destroy();
      resolve();
    });
    const body = capped(MAX_PROXY_BODY);
    body.on("error", (err) => upstream.destroy(err));
    req.pipe(body).pipe(upstream);
  });
  return undefined;
}

export function appProxyRoutes(orch: Orchestrator): Route[] {
  const grants = new Grants();
  const handler = (ctx: RouteContext) => proxy(orch, grants, ctx);
  const routes: Route[] = [];
  for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]) {
    routes.push({ method, path: "/app/:id", handler, auth: "browser" });
    routes.push({ method, path: "/app/:id/*", handler, auth: "browser" });
  }
  return routes;
}
