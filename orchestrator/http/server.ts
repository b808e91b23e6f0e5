/**
 * The orchestrator's HTTP server: the JSON API for the web app (Bearer secret),
 * the browser's app proxy (signed token) and socket.io. Errors map in one place.
 */
import { createServer, type Server as HttpServer } from "node:http";
import type { Server as IoServer } from "socket.io";
import { OrchestratorError } from "../errors";
import { attachSockets } from "../live/socket-server";
import type { Orchestrator } from "../service";
import { checkDeclaredLength, sendJson } from "./io";
import { errorReply } from "./map-error";
import { checkBearer, compile, match } from "./router";
import { appProxyRoutes } from "./routes/app-proxy";
import { environmentRoutes } from "./routes/environments";
import { poolRoutes } from "./routes/pools";
import { recordingRoutes } from "./routes/recordings";
import { revocationRoutes } from "./routes/revocations";
import { systemRoutes } from "./routes/system";

/** The request target as a URL; an unparsable one or a NUL byte is a 400, never a 500. */
function parseUrl(raw: string | undefined): URL {
  const target = raw ?? "/";
  if (!target.startsWith("/") || target.includes("\0") || /%00/i.test(target))
    throw new OrchestratorError("bad_request", "malformed request URL");
  try {
    return new URL(target, "http://orchestrator");
  } catch {
    throw new OrchestratorError("bad_request", "malformed request URL");
  }
}

export interface ApiServer {
  http: HttpServer;
  io: IoServer;
  /** The bound port (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

export async function startApiServer(
  orch: Orchestrator,
  port = orch.config.port,
  host = orch.config.host,
): Promise<ApiServer> {
  const routes = compile([
    ...systemRoutes(orch),
    ...poolRoutes(orch),
    ...environmentRoutes(orch),
    ...recordingRoutes(orch),
    ...revocationRoutes(orch),
    ...appProxyRoutes(orch),
  ]);
  const http = createServer((req, res) => {
    let url = new URL("http://orchestrator/");
    void (async () => {
      url = parseUrl(req.url);
      const found = match(routes, req.method ?? "GET", url.pathname);
      if (found === undefined) throw new OrchestratorError("not_found", `no route ${req.method} ${url.pathname}`);
      if (found === "method")
        throw new OrchestratorError("bad_request", `method ${req.method} not allowed on ${url.pathname}`);
      if (found.route.auth !== "browser") {
        checkBearer(req, orch.config.secret);
        checkDeclaredLength(req);
      }
      const answer = await found.route.handler({ req, res, params: found.params, url });
      if (answer) sendJson(res, answer[0], answer[1]);
    })().catch((err: unknown) => {
      const reply = errorReply(err);
      if (reply.status >= 500) orch.config.log("error", `${req.method} ${url.pathname}: ${reply.body.error.message}`);
      if (!res.headersSent) sendJson(res, reply.status, reply.body);
      else res.destroy();
    });
  });
  const io = attachSockets(http, orch);
  orch.access.startSweeping();
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => resolve());
  });
  const address = http.address();
  return {
    http,
    io,
    port: typeof address === "object" && address ? address.port : port,
    close: async () => {
      orch.access.stopSweeping();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}
