/**
 * The orchestrator's HTTP server: the JSON API for the web app (Bearer secret),
 * the browser's app proxy (signed token) and socket.io. Errors map in one place.
 */
import { createServer, type Server as HttpServer } from "node:http";
import type { Server as IoServer } from "socket.io";
import { OrchestratorError } from "../errors";
import { attachSockets } from "../live/socket-server";
import type { Orchestrator } from "../service";
import { sendJson } from "./io";
import { errorReply } from "./map-error";
import { checkBearer, compile, match } from "./router";
import { appProxyRoutes } from "./routes/app-proxy";
import { environmentRoutes } from "./routes/environments";
import { recordingRoutes } from "./routes/recordings";
import { systemRoutes } from "./routes/system";

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
    ...environmentRoutes(orch),
    ...recordingRoutes(orch),
    ...appProxyRoutes(orch),
  ]);
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://orchestrator");
    void (async () => {
      const found = match(routes, req.method ?? "GET", url.pathname);
      if (found === undefined) throw new OrchestratorError("not_found", `no route ${req.method} ${url.pathname}`);
      if (found === "method")
        throw new OrchestratorError("bad_request", `method ${req.method} not allowed on ${url.pathname}`);
      if (found.route.auth !== "browser") checkBearer(req, orch.config.secret);
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
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}
