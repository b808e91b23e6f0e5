/**
 * Sign-in throttling rule, pure: given recent failures for an email and for an
 * address, is another attempt allowed, and if not, for how many minutes?
 */
export interface SignInLimits {
  /** Failures allowed per email in the window. */
  maxPerEmail: number;
  /** Failures allowed per address in the window (several people may share one). */
  maxPerIp: number;
  windowMs: number;
}

export function signInLimits(cfg: { SIGNIN_MAX_FAILURES: number; SIGNIN_WINDOW_MINUTES: number }): SignInLimits {
  return {
    maxPerEmail: cfg.SIGNIN_MAX_FAILURES,
    maxPerIp: cfg.SIGNIN_MAX_FAILURES * 4,
    windowMs: cfg.SIGNIN_WINDOW_MINUTES * 60_000,
  };
}

export type ThrottleVerdict = { blocked: false } | { blocked: true; by: "email" | "ip"; retryInMinutes: number };

/** When the count in the window drops below `max` again, or null if it is already below. */
function unblockAt(failures: Date[], max: number, windowMs: number, now: Date): number | null {
  const inWindow = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs)
    .sort((a, b) => a - b);
  if (inWindow.length < max) return null;
  // Once this one ages out, max - 1 remain.
  return inWindow[inWindow.length - max]! + windowMs;
}

export function evaluateThrottle(input: {
  emailFailures: Date[];
  ipFailures: Date[];
  limits: SignInLimits;
  now: Date;
}): ThrottleVerdict {
  const { limits, now } = input;
  const byEmail = unblockAt(input.emailFailures, limits.maxPerEmail, limits.windowMs, now);
  const byIp = unblockAt(input.ipFailures, limits.maxPerIp, limits.windowMs, now);
  if (byEmail === null && byIp === null) return { blocked: false };
  const by = (byIp ?? 0) > (byEmail ?? 0) ? "ip" : "email";
  const until = Math.max(byEmail ?? 0, byIp ?? 0);
  return { blocked: true, by, retryInMinutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) };
}

export function throttleMessage(minutes: number): string {
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
