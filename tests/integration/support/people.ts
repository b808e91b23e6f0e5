/**
 * Test people with unique emails, so tests never depend on (or disturb) what
 * else is in the database.
 */
import "./env";
import { randomBytes } from "node:crypto";
import { type Role } from "@prisma/client";
import { type Actor } from "../../../lib/auth/actor";
import { hashPassword } from "../../../lib/auth/password";
import { encodeSessionToken } from "../../../server/auth/session-token";
import { db } from "../../../lib/db/client";
import { uid } from "./ids";
import { createSession } from "../../../lib/sessions/create-session";

export { db, uid };

export const PASSWORD = "integration-password-1";
let hash: Promise<string> | undefined;

export function uniqueEmail(label: string): string {
  return `${label.toLowerCase()}-${uid()}@it.firedrill.test`;
}

/** A unique address per test, so the per-address sign-in throttle never crosses tests. */
export function uniqueIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export async function makeUser(
  role: Role,
  opts: { teamId?: string | null; disabled?: boolean; label?: string } = {},
): Promise<Actor> {
  hash ??= hashPassword(PASSWORD);
  const user = await db.user.create({
    data: {
      email: uniqueEmail(opts.label ?? role),
      name: `${opts.label ?? role} ${uid().slice(-4)}`,
      role,
      teamId: opts.teamId ?? null,
      passwordHash: await hash,
      disabledAt: opts.disabled ? new Date() : null,
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.teamId };
}

/** A signed-in browser: a Session row and the cookie value next-auth would have set. */
export async function signIn(user: Actor, days = 7): Promise<{ actor: Actor; sessionId: string; token: string }> {
  const session = await createSession(db, { userId: user.id, days, userAgent: "integration-test", ip: "127.0.0.1" });
  return {
    actor: { ...user, sessionId: session.id },
    sessionId: session.id,
    token: await encodeSessionToken(session.id, user.id),
  };
}
