/**
 * The one error type of the web app's domain. Use-cases throw it with a code;
 * ERROR_STATUS below is the one table from code to status. Each transport maps
 * it to its own kind of reply in one place of its own: route handlers
 * (server/http/respond.ts), server actions (server/forms/run-form.ts), socket
 * handshakes and events (server/live/server.ts, handle-event.ts) and pages
 * (app/attempts/_lib/load.ts `orPageError`; /admin/users/[id] and /people/[id]
 * turn NOT_FOUND into notFound() inline). Domain code never maps.
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  MIGRATION_FAILED: 500,
  CONFIG: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field-level messages for forms, e.g. { email: "already taken" }. */
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
