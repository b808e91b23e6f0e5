import { type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";

export const RevokeUserSessionsSchema = z.object({ userId: z.string().min(1) });

/** Signs a person out everywhere. An admin doing it to themselves keeps the session they are using. */
export async function revokeUserSessions(
  db: PrismaClient,
  actor: Actor,
  input: z.infer<typeof RevokeUserSessionsSchema>,
  now = new Date(),
) {
  assertAllowed(actor, "admin");
  const { userId } = input;
  const result = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) },
    data: { revokedAt: now },
  });
  return { revoked: result.count };
}
