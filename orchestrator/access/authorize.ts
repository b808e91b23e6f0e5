/**
 * Checks at the socket.io handshake and the app proxy: the token (signed by the
 * web app), the Origin, and whether the token's holder may use this environment
 * and instance. Pure: throws OrchestratorError, decides nothing else.
 */
import { verifyAccessToken, type AccessTokenPayload } from "../../lib/contracts/access-token";
import { OrchestratorError } from "../errors";

export function authorizeToken(token: unknown, secret: string, now = Date.now()): AccessTokenPayload {
  if (typeof token !== "string" || token.length === 0)
    throw new OrchestratorError("unauthorized", "a token is required");
  const result = verifyAccessToken(token, secret, now);
  if (!result.ok) throw new OrchestratorError("unauthorized", `token refused: ${result.reason}`);
  return result.payload;
}

/** The token must be for this environment and its attempt. */
export function authorizeEnvironment(
  payload: AccessTokenPayload,
  env: { id: string; attemptId: string } | undefined,
): asserts env is { id: string; attemptId: string } {
  if (!env || payload.env !== env.id) throw new OrchestratorError("forbidden", "the token is for another environment");
  if (payload.attempt !== env.attemptId) throw new OrchestratorError("forbidden", "the token is for another attempt");
}

/** Players may open shells only on the level's `shells`. */
export function authorizeInstance(instance: unknown, shells: readonly string[]): string {
  if (typeof instance !== "string" || !shells.includes(instance)) {
    throw new OrchestratorError(
      "forbidden",
      `no shell on ${String(instance)} in this level (allowed: ${shells.join(", ")})`,
    );
  }
  return instance;
}

/**
 * Browsers always send Origin on WebSocket and cross-origin requests; a request
 * without one is not from a browser page, so a cross-site page cannot ride on it.
 */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  return allowed.includes(origin.replace(/\/$/, ""));
}
