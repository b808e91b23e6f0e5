import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { notifyRevocation } from "./notify-revocation";
import { defaultDeps, type Deps } from "../core/deps";

export const RevokeUserSessionsSchema = z.object({ userId: z.string().min(1) });

/** Signs a person out everywhere. An admin doing it to themselves keeps the session they are using. */
export async function revokeUserSessions(
  actor: Actor,
  input: z.infer<typeof RevokeUserSessionsSchema>,
  deps: Deps = defaultDeps(),
) {
  const { db } = deps;
  const now = deps.now();
  assertAllowed(actor, "admin");
  const { userId } = input;
  const where = { userId, revokedAt: null, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) };
  const ids = (await db.session.findMany({ where, select: { id: true } })).map((s) => s.id);
  const result = await db.session.updateMany({ where: { ...where, id: { in: ids } }, data: { revokedAt: now } });
  // Sessions, not the person: an admin signing themselves out elsewhere keeps this browser's terminals.
  await notifyRevocation({ sessions: ids });
  return { revoked: result.count };
}
