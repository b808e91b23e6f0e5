/**
 * Reads and writes SignInFailure rows for the throttle rule in rate-limit.ts.
 * A failure's `ip` column holds its source: the client address, or
 * "device:<id>" when the browser carried the account's known-device cookie, so a
 * known device's failures are its own and never mix with a shared address's.
 */
import { type PrismaClient } from "@prisma/client";
import { type SignInLimits, type ThrottleVerdict, evaluateThrottle } from "./rate-limit";

export interface SignInKey {
  email: string;
  /** The client address (server/http/client-address.ts). */
  ip: string;
  /** The known-device id when the cookie is valid for this account. */
  device: string | null;
  /** The account knows this client (device cookie, or an address it signed in from before). */
  known: boolean;
}

/** An address this account signed in from within this many days is a known address. */
export const KNOWN_ADDRESS_DAYS = 90;

export function sourceOf(key: Pick<SignInKey, "ip" | "device">): string {
  return key.device ? `device:${key.device}` : key.ip;
}

export async function isKnownAddress(db: PrismaClient, userId: string, ip: string, now = new Date()): Promise<boolean> {
  if (ip === "unknown") return false;
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  return (await db.session.count({ where: { userId, ip, createdAt: { gt: since } } })) > 0;
}

export async function checkSignInThrottle(
  db: PrismaClient,
  key: SignInKey,
  limits: SignInLimits,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - limits.windowMs);
  const newest = (where: { email?: string; ip?: string }, take: number) =>
    db.signInFailure.findMany({
      where: { ...where, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take,
      select: { createdAt: true },
    });
  // Only the newest few of each can decide the verdict; past pairFree + 16 the pair's delay is the whole window.
  const [pair, address, account] = await Promise.all([
    newest({ email: key.email, ip: sourceOf(key) }, limits.pairFree + 16),
    newest({ ip: key.ip }, limits.perAddress),
    newest({ email: key.email }, limits.perAccount),
  ]);
  return evaluateThrottle({
    pairFailures: pair.map((r) => r.createdAt),
    addressFailures: address.map((r) => r.createdAt),
    accountFailures: account.map((r) => r.createdAt),
    known: key.known,
    limits,
    now,
  });
}

export async function recordSignInFailure(
  db: PrismaClient,
  key: SignInKey,
  limits: SignInLimits,
  now = new Date(),
): Promise<void> {
  await db.$transaction([
    db.signInFailure.create({ data: { email: key.email, ip: sourceOf(key), createdAt: now } }),
    // Keep the table small: this email's failures that no longer count.
    db.signInFailure.deleteMany({
      where: { email: key.email, createdAt: { lt: new Date(now.getTime() - limits.windowMs) } },
    }),
  ]);
}

/** A success forgives its own pair only: other sources' failures still count against the account. */
export async function clearSignInFailures(db: PrismaClient, key: SignInKey): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email: key.email, ip: sourceOf(key) } });
}
