import { createHash, randomBytes } from "node:crypto";

/** Invite tokens are random and only their sha256 is stored; the token is shown once. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const INVITE_DAYS = 7;
