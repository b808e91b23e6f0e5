/** The one place an error becomes an HTTP reply. */
import { ERROR_STATUS, isAppError } from "../../lib/errors";

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    const body: ErrorBody = {
      error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
    };
    return json(body, err.status);
  }
  console.error("unhandled error in route handler", err);
  return json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side." } } satisfies ErrorBody,
    ERROR_STATUS.INTERNAL,
  );
}
