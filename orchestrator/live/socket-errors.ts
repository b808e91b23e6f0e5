/** OrchestratorError → a socket.io connect_error / "error" event payload, in one place. */
import { OrchestratorError, messageOf } from "../errors";

export interface SocketErrorBody {
  code: string;
  message: string;
}

export function socketErrorBody(err: unknown): SocketErrorBody {
  if (err instanceof OrchestratorError) return { code: err.code, message: err.message };
  return { code: "internal", message: messageOf(err) };
}

/** For `next(err)` in a namespace middleware: the client gets `connect_error` with `err.data.code`. */
export function handshakeError(err: unknown): Error & { data: SocketErrorBody } {
  const body = socketErrorBody(err);
  return Object.assign(new Error(body.message), { data: body });
}
