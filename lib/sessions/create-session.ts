import { type PrismaClient } from "@prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Records a signed-in browser; its id goes into the JWT so it can be revoked. */
export async function createSession(
  db: PrismaClient,
  input: { userId: string; days: number; userAgent?: string | null; ip?: string | null },
  now = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  return db.session.create({
    data: {
      userId: input.userId,
      expiresAt: new Date(now.getTime() + input.days * DAY_MS),
      lastSeenAt: now,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip?.slice(0, 100) ?? null,
    },
    select: { id: true, expiresAt: true },
  });
}
