/**
 * The orchestrator's single error type. Domain code throws OrchestratorError
 * with a code; transports (HTTP, socket.io) map codes to replies in one place
 * (http/map-error.ts, live/socket-errors.ts).
 */
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  /** A Docker object vanished (Docker answered 404). */
  | "gone"
  | "conflict"
  /** Docker answered 304: the object was already in the asked state. */
  | "unchanged"
  | "timeout"
  /** A request body over its cap (refused before it is read). */
  | "too_large"
  /** The Docker engine (or another dependency) does not answer. */
  | "unavailable"
  /** An operation ran and failed (provisioning, a build, a fault). */
  | "failed"
  | "internal";

export class OrchestratorError extends Error {
  override readonly name = "OrchestratorError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isCode(err: unknown, ...codes: ErrorCode[]): err is OrchestratorError {
  return err instanceof OrchestratorError && codes.includes(err.code);
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function notFound(what: string): OrchestratorError {
  return new OrchestratorError("not_found", `${what} not found`);
}
