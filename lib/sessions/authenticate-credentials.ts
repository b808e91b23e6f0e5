/**
 * Email + password sign-in: throttle (lib/auth/rate-limit.ts), verify, and open
 * a Session row. Messages never say whether an email exists.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { AppError } from "../errors";
import { createSession } from "./create-session";
import { type Actor } from "../auth/actor";
import { issueDeviceCookie, verifyDeviceCookie } from "../auth/known-device";
import { verifyPassword } from "../auth/password";
import { type SignInLimits, throttleMessage } from "../auth/rate-limit";
import {
  type SignInKey,
  checkSignInThrottle,
  clearSignInFailures,
  isKnownAddress,
  recordSignInFailure,
} from "../auth/sign-in-throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

export const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export interface CredentialsConfig {
  limits: SignInLimits;
  sessionDays: number;
  /** Signs the known-device cookie (NEXTAUTH_SECRET). */
  deviceSecret: string;
}

export async function authenticateCredentials(
  db: PrismaClient,
  input: { email?: unknown; password?: unknown; ip: string; userAgent?: string | null; deviceCookie?: string },
  cfg: CredentialsConfig,
  now = new Date(),
): Promise<{ actor: Actor; sessionId: string; deviceCookie: string }> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Enter your email and password.");
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({ where: { email } });
  const device = user ? verifyDeviceCookie(input.deviceCookie, user.id, cfg.deviceSecret, now) : null;
  const known = device !== null || (user !== null && (await isKnownAddress(db, user.id, input.ip, now)));
  const key: SignInKey = { email, ip: input.ip, device, known };

  const verdict = await checkSignInThrottle(db, key, cfg.limits, now);
  if (verdict.blocked) throw new AppError("RATE_LIMITED", throttleMessage(verdict.retryInMs));
  if (verdict.slowMs > 0) await sleep(verdict.slowMs);

  if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
    await recordSignInFailure(db, key, cfg.limits, now);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  // Only said to someone who knows the password.
  if (user.disabledAt) throw new AppError("FORBIDDEN", "This account is disabled. Ask an admin to re-enable it.");

  await clearSignInFailures(db, key);
  const session = await createSession(
    db,
    { userId: user.id, days: cfg.sessionDays, userAgent: input.userAgent, ip: input.ip },
    now,
  );
  return {
    actor: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      teamId: user.teamId,
      sessionId: session.id,
    },
    sessionId: session.id,
    // Refreshed on every sign-in; a device keeps its id.
    deviceCookie: issueDeviceCookie(user.id, cfg.deviceSecret, now, device ?? undefined),
  };
}
