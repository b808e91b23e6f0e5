/**
 * The session cookie next-auth writes: an encrypted JWT whose only claims that
 * matter are `sid` (our Session row) and `sub` (the user id).
 */
import "server-only";
import { decode, encode } from "next-auth/jwt";
import { env } from "../../lib/env";

export function sessionCookieName(): string {
  // next-auth's own rule: the __Secure- prefix when the site is served over https.
  return env().NEXTAUTH_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function sessionMaxAgeSeconds(): number {
  return env().SESSION_DAYS * 24 * 60 * 60;
}

export async function sidFromToken(token: string | null | undefined): Promise<string | null> {
  if (!token) return null;
  try {
    const claims = await decode({ token, secret: env().NEXTAUTH_SECRET });
    return typeof claims?.sid === "string" ? claims.sid : null;
  } catch {
    return null; // tampered, or signed with another secret
  }
}

/** What the jwt callback stores, and what tests use to act as a browser. */
export function encodeSessionToken(sid: string, userId: string): Promise<string> {
  return encode({ token: { sid, sub: userId }, secret: env().NEXTAUTH_SECRET, maxAge: sessionMaxAgeSeconds() });
}

/** Reads the session cookie out of a Cookie header. */
export function tokenFromCookieHeader(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
