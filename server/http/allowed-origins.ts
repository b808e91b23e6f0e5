/**
 * The game's own origins: NEXTAUTH_URL's, plus LIVE_ALLOWED_ORIGINS. The one list
 * both the live socket's handshake and every state-changing route check against.
 */
import "server-only";
import { env } from "../../lib/env";

export function allowedOrigins(nextAuthUrl: string, extra: string): Set<string> {
  const list = [new URL(nextAuthUrl).origin, ...extra.split(",").map((o) => o.trim())].filter(Boolean);
  return new Set(list.map((o) => new URL(o).origin));
}

let cached: Set<string> | undefined;
export function appOrigins(): ReadonlySet<string> {
  cached ??= allowedOrigins(env().NEXTAUTH_URL, env().LIVE_ALLOWED_ORIGINS);
  return cached;
}
