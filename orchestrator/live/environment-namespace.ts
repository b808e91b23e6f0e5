/**
 * socket.io /environment: auth { token }; "state", "sli", "stats", "log",
 * "instance" (down — restarting / back) and "warning" out, from the event bus. Costly streams run while someone watches.
 */
import type { Namespace, Socket } from "socket.io";
import { z } from "zod";
import { describe } from "../environments/environment-view";
import { OrchestratorError } from "../errors";
import type { Orchestrator } from "../service";
import { authorizeEnvironment, authorizeToken } from "./authorize";
import { handshakeError } from "./socket-errors";

const AuthSchema = z.object({ token: z.string().min(1) });

export function registerEnvironmentNamespace(nsp: Namespace, orch: Orchestrator): void {
  nsp.use((socket, next) => {
    try {
      const auth = AuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success) throw new OrchestratorError("bad_request", "auth must be { token }");
      const payload = authorizeToken(auth.data.token, orch.config.secret);
      const rec = orch.deps.envs.get(payload.env);
      authorizeEnvironment(payload, rec);
      if (!rec || rec.state === "destroyed")
        throw new OrchestratorError("not_found", `environment ${payload.env} is gone`);
      socket.data = { envId: rec.id };
      next();
    } catch (err) {
      next(handshakeError(err));
    }
  });

  nsp.on("connection", (socket: Socket) => {
    const envId = (socket.data as { envId: string }).envId;
    const { deps } = orch;
    let release: (() => void) | undefined;
    const watch = () => {
      if (!release && deps.envs.get(envId)?.state === "ready") release = orch.watchers.acquire(envId);
    };
    const unsubscribe = deps.bus.subscribe(envId, (e) => {
      switch (e.type) {
        case "state":
          socket.emit("state", e.view);
          if (e.view.state === "ready") watch();
          break;
        case "sli":
          socket.emit("sli", e.sample);
          break;
        case "stats":
          socket.emit("stats", e.stats);
          break;
        case "log":
          socket.emit("log", { instance: e.instance, line: e.line });
          break;
        case "instance":
          socket.emit("instance", { instance: e.instance, state: e.state, message: e.message, at: e.at });
          break;
        case "warning":
          socket.emit("warning", { reason: e.reason, destroyAt: e.destroyAt, message: e.message });
          break;
        case "destroyed": {
          const rec = deps.envs.get(envId);
          if (rec) void describe(deps, rec).then((view) => (socket.emit("state", view), socket.disconnect(true)));
          else socket.disconnect(true);
          break;
        }
      }
    });
    const rec = deps.envs.get(envId);
    if (rec) void describe(deps, rec).then((view) => socket.emit("state", view));
    if (rec?.state === "ready") socket.emit("sli", orch.sli(envId).current);
    watch();
    socket.on("disconnect", () => {
      unsubscribe();
      release?.();
    });
  });
}
