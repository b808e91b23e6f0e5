/**
 * Short-lived tokens the web app signs for a browser after checking that the
 * user may use an environment; the orchestrator verifies them on its socket.io
 * handshake and on its app proxy. HMAC-SHA256 over a JSON payload with the
 * shared ORCHESTRATOR_SECRET. Pure Node crypto, no framework imports.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const AccessTokenPayloadSchema = z
  .object({
    /** Environment id (the orchestrator's). */
    env: z.string().min(1),
    /** Attempt the environment belongs to. */
    attempt: z.string().min(1),
    /** User id and display name, for presence and recordings. */
    sub: z.string().min(1),
    name: z.string().default(""),
    /** rw: may type into terminals; ro: watch only (facilitators shadowing). */
    mode: z.enum(["rw", "ro"]),
    /** The web app's Session row the token was issued through, so revoking that session reaches the orchestrator. */
    sid: z.string().min(1).optional(),
    /** Issued at, seconds since the epoch: revoking a person refuses every token issued up to then. */
    iat: z.number().int().optional(),
    /** Expiry, seconds since the epoch. */
    exp: z.number().int(),
  })
  .strict();
export type AccessTokenPayload = z.infer<typeof AccessTokenPayloadSchema>;

/** No token lives longer than this, so a revocation need only be remembered this long. */
export const MAX_TOKEN_TTL_SECONDS = 900;

const b64url = (buf: Buffer) => buf.toString("base64url");

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", secret).update(body).digest();
}

export function signAccessToken(
  payload: Omit<AccessTokenPayload, "exp" | "iat">,
  secret: string,
  ttlSeconds = 300,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const full: AccessTokenPayload = { ...payload, iat, exp: iat + ttlSeconds };
  const body = b64url(Buffer.from(JSON.stringify(full)));
  return `${body}.${b64url(mac(secret, body))}`;
}

export type VerifyResult =
  | { ok: true; payload: AccessTokenPayload }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" | "too-long" };

export function verifyAccessToken(token: string, secret: string, now = Date.now()): VerifyResult {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = mac(secret, body);
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad-signature" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const result = AccessTokenPayloadSchema.safeParse(parsed);
  if (!result.success) return { ok: false, reason: "malformed" };
  if (result.data.exp * 1000 <= now) return { ok: false, reason: "expired" };
  if (result.data.exp * 1000 - now > MAX_TOKEN_TTL_SECONDS * 1000) return { ok: false, reason: "too-long" };
  return { ok: true, payload: result.data };
}
