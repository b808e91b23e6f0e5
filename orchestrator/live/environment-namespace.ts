/**
 * socket.io /environment: auth { token }; "state", "sli", "stats", "log",
 * "instance" (down — restarting / back) and "warning" out, from the event bus, within a
 * per-socket byte budget. Costly streams run while someone watches; the socket ends with its token.
 */
import type { Namespace, Socket } from "socket.io";
import { z } from "zod";
import { OrchestratorError } from "../errors";
import type { Orchestrator } from "../service";
import type { AccessTokenPayload } from "../../lib/contracts/access-token";
import { OutputBudget } from "./output-budget";
import { handshakeError } from "./socket-errors";
import { bindTokenLifetime } from "./token-lifetime";

const AuthSchema = z.object({ token: z.string().min(1) });

export function registerEnvironmentNamespace(nsp: Namespace, orch: Orchestrator): void {
  nsp.use((socket, next) => {
    try {
      const auth = AuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success) throw new OrchestratorError("bad_request", "auth must be { token }");
      const payload = orch.access.verify(auth.data.token);
      const env = orch.authorize(payload);
      if (env.state === "destroyed") throw new OrchestratorError("not_found", `environment ${payload.env} is gone`);
      socket.data = { envId: env.id, payload };
      next();
    } catch (err) {
      next(handshakeError(err));
    }
  });

  nsp.on("connection", (socket: Socket) => {
    const { envId, payload } = socket.data as { envId: string; payload: AccessTokenPayload };
    bindTokenLifetime(socket, orch.access, payload);
    const budget = new OutputBudget(socket);
    const send = (event: string, data: unknown, size = 512) => void budget.emit(event, data, size);
    const stop = orch.follow(envId, (e) => {
      switch (e.type) {
        case "state":
          send("state", e.view);
          break;
        case "sli":
          send("sli", e.sample);
          break;
        case "stats":
          send("stats", e.stats);
          break;
        case "log":
          send("log", { instance: e.instance, line: e.line }, e.line.length + 64);
          break;
        case "instance":
          socket.emit("instance", { instance: e.instance, state: e.state, message: e.message, at: e.at });
          break;
        case "warning":
          send("warning", { reason: e.reason, destroyAt: e.destroyAt, message: e.message });
          break;
        case "destroyed":
          void orch.get(envId).then(
            (view) => (socket.emit("state", view), socket.disconnect(true)),
            () => socket.disconnect(true),
          );
          break;
      }
    });
    void orch.get(envId).then(
      (view) => socket.emit("state", view),
      () => undefined,
    );
    if (orch.stateOf(envId) === "ready") socket.emit("sli", orch.sli(envId).current);
    socket.on("disconnect", stop);
  });
}
