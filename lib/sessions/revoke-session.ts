import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { notifyRevocation } from "./notify-revocation";
import { defaultDeps, type Deps } from "../core/deps";

export const RevokeSessionSchema = z.object({ sessionId: z.string().min(1) });

/**
 * Takes effect on the browser's next request (every request re-reads the Session
 * row) and, through the orchestrator, on its open terminals and app pages.
 */
export async function revokeSession(
  actor: Actor,
  input: z.infer<typeof RevokeSessionSchema>,
  deps: Deps = defaultDeps(),
) {
  const { db } = deps;
  const now = deps.now();
  assertAllowed(actor, "admin");
  const { sessionId } = input;
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { id: true, revokedAt: true } });
  if (!session) throw new AppError("NOT_FOUND", "No such session.");
  if (session.revokedAt) return session;
  const revoked = await db.session.update({
    where: { id: sessionId },
    data: { revokedAt: now },
    select: { id: true, revokedAt: true },
  });
  await notifyRevocation({ sessions: [sessionId] });
  return revoked;
}
