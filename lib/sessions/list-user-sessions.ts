import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";

export type SessionState = "active" | "revoked" | "expired";

export async function listUserSessions(actor: Actor, userId: string, deps: Deps = defaultDeps()) {
  const { db } = deps;
  const now = deps.now();
  assertAllowed(actor, "admin");
  const rows = await db.session.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      lastSeenAt: true,
      revokedAt: true,
      userAgent: true,
      ip: true,
    },
  });
  return rows.map((s) => {
    const state: SessionState = s.revokedAt ? "revoked" : s.expiresAt <= now ? "expired" : "active";
    return { ...s, state, current: s.id === actor.sessionId };
  });
}
