/**
 * Email + password sign-in: throttle, verify, and open a Session row. Messages
 * never say whether an email exists.
 */
import { type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { AppError } from "../errors";
import { createSession } from "../sessions/create-session";
import { type Actor } from "./actor";
import { verifyPassword } from "./password";
import { type SignInLimits, throttleMessage } from "./rate-limit";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure } from "./sign-in-throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

export const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export async function authenticateCredentials(
  db: PrismaClient,
  input: { email?: unknown; password?: unknown; ip: string; userAgent?: string | null },
  cfg: { limits: SignInLimits; sessionDays: number },
  now = new Date(),
): Promise<{ actor: Actor; sessionId: string }> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Enter your email and password.");
  const { email, password } = parsed.data;
  const key = { email, ip: input.ip };

  const verdict = await checkSignInThrottle(db, key, cfg.limits, now);
  if (verdict.blocked) throw new AppError("RATE_LIMITED", throttleMessage(verdict.retryInMinutes));

  const user = await db.user.findUnique({ where: { email } });
  if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
    await recordSignInFailure(db, key, cfg.limits, now);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  // Only said to someone who knows the password.
  if (user.disabledAt) throw new AppError("FORBIDDEN", "This account is disabled. Ask an admin to re-enable it.");

  await clearSignInFailures(db, email);
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
  };
}
