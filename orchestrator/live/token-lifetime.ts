/**
 * Ties a socket to its token: it is ended when the token expires or is revoked
 * (the holder hears "error" { code: "unauthorized" } first), and a "token" event
 * with a fresh token for the same holder extends it.
 */
import type { Socket } from "socket.io";
import type { AccessTokenPayload } from "../../lib/contracts/access-token";
import type { AccessControl } from "../access/access-control";
import { sameHolder, type OpenSession } from "../access/open-sessions";
import { OrchestratorError } from "../errors";
import { dropSocket } from "./output-budget";
import { socketErrorBody } from "./socket-errors";

export function bindTokenLifetime(socket: Socket, access: AccessControl, payload: AccessTokenPayload): void {
  const session: OpenSession = {
    payload,
    end: (reason) => {
      socket.emit(
        "error",
        socketErrorBody(
          new OrchestratorError(
            "unauthorized",
            reason === "revoked" ? "your session was revoked" : "your token expired: reconnect with a fresh one",
          ),
        ),
      );
      dropSocket(socket);
    },
  };
  const untrack = access.sessions.add(session);
  socket.on("token", (raw: unknown) => {
    try {
      const next = access.verify(raw);
      if (!sameHolder(session.payload, next))
        throw new OrchestratorError("forbidden", "a fresh token must be for the same person, environment and mode");
      session.payload = next;
    } catch (err) {
      socket.emit("error", socketErrorBody(err));
    }
  });
  socket.on("disconnect", untrack);
}
