/** Reads and writes SignInFailure rows for the throttle rule in rate-limit.ts. */
import { type PrismaClient } from "@prisma/client";
import { type SignInLimits, type ThrottleVerdict, evaluateThrottle } from "./rate-limit";

export async function checkSignInThrottle(
  db: PrismaClient,
  key: { email: string; ip: string },
  limits: SignInLimits,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - limits.windowMs);
  // Only the newest `max` failures can decide the verdict.
  const [emailRows, ipRows] = await Promise.all([
    db.signInFailure.findMany({
      where: { email: key.email, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: limits.maxPerEmail,
      select: { createdAt: true },
    }),
    db.signInFailure.findMany({
      where: { ip: key.ip, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: limits.maxPerIp,
      select: { createdAt: true },
    }),
  ]);
  return evaluateThrottle({
    emailFailures: emailRows.map((r) => r.createdAt),
    ipFailures: ipRows.map((r) => r.createdAt),
    limits,
    now,
  });
}

export async function recordSignInFailure(
  db: PrismaClient,
  key: { email: string; ip: string },
  limits: SignInLimits,
  now = new Date(),
): Promise<void> {
  await db.$transaction([
    db.signInFailure.create({ data: { email: key.email, ip: key.ip, createdAt: now } }),
    // Keep the table small: this email's failures that no longer count.
    db.signInFailure.deleteMany({
      where: { email: key.email, createdAt: { lt: new Date(now.getTime() - limits.windowMs) } },
    }),
  ]);
}

export async function clearSignInFailures(db: PrismaClient, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email } });
}
