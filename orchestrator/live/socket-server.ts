/** socket.io on the orchestrator's HTTP server: Origin checked for every connection, two namespaces. */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Orchestrator } from "../service";
import { originAllowed } from "../access/authorize";
import { registerEnvironmentNamespace } from "./environment-namespace";
import { registerTerminalNamespace } from "./terminal-namespace";

export function attachSockets(http: HttpServer, orch: Orchestrator): Server {
  const allowed = orch.config.allowedOrigins;
  const io = new Server(http, {
    cors: { origin: allowed, credentials: true },
    allowRequest: (req, callback) => {
      const ok = originAllowed(req.headers.origin, allowed);
      callback(ok ? null : `origin ${req.headers.origin} not allowed`, ok);
    },
    maxHttpBufferSize: 256 * 1024,
  });
  registerTerminalNamespace(io.of("/terminal"), orch);
  registerEnvironmentNamespace(io.of("/environment"), orch);
  return io;
}
