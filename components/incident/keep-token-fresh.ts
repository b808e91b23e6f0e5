/**
 * The orchestrator ends a socket when its token expires; this hands an open
 * socket each renewed token (event "token") so it lives on without a reconnect.
 * After a revocation no fresh token comes, and the socket ends.
 */
import type { Socket } from "socket.io-client";
import type { AccessToken } from "./use-access-token";

export function keepTokenFresh(socket: Socket, fresh: () => Promise<AccessToken | null>): () => void {
  let sent = "";
  const timer = setInterval(() => {
    if (!socket.connected) return;
    void fresh().then((t) => {
      // Sending the handshake's own token again is harmless: the server re-checks it.
      if (t && t.token !== sent && socket.connected) {
        socket.emit("token", t.token);
        sent = t.token;
      }
    });
  }, 20_000);
  return () => clearInterval(timer);
}
