/**
 * Turns a session id from the JWT into the acting user, or null when the
 * session is unknown, revoked or expired, or the user is disabled. Runs on
 * every request, which is what makes revocation take effect immediately.
 */
import { type PrismaClient } from "@prisma/client";
import { type Actor } from "./actor";

/** lastSeenAt is informational; write it at most this often. */
const TOUCH_EVERY_MS = 60_000;

export async function resolveSession(db: PrismaClient, sid: string, now = new Date()): Promise<Actor | null> {
  const session = await db.session.findUnique({
    where: { id: sid },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, teamId: true, disabledAt: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { disabledAt: _disabled, ...user } = session.user;
  return { ...user, sessionId: session.id };
}
