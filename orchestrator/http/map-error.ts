/** OrchestratorError codes → HTTP statuses, in one place. */
import { OrchestratorError, messageOf, type ErrorCode } from "../errors";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  gone: 404,
  conflict: 409,
  unchanged: 409,
  timeout: 504,
  too_large: 413,
  unavailable: 503,
  failed: 500,
  internal: 500,
};

export function errorReply(err: unknown): { status: number; body: { error: { code: string; message: string } } } {
  if (err instanceof OrchestratorError)
    return { status: STATUS[err.code], body: { error: { code: err.code, message: err.message } } };
  return { status: 500, body: { error: { code: "internal", message: messageOf(err) } } };
}
