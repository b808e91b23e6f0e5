/**
 * Sign-in throttling rule, pure. Nothing here lets a stranger lock someone out:
 *  - per pair (address, or known device, × account): a few free failures, then
 *    each further try waits twice as long as the last (30 s, 1 min, 2 min … up to
 *    the window);
 *  - per address across accounts (password spraying): unknown clients wait;
 *  - per account from everywhere (a distributed guess): clients the account does
 *    not know wait; the ones it knows (its device cookie, or an address it signed
 *    in from before) are only slowed, never blocked.
 */
export interface SignInLimits {
  /** Failures per pair before delays start. */
  pairFree: number;
  /** Failures per address across all accounts before unknown clients from it wait. */
  perAddress: number;
  /** Failures per account from everywhere before unknown clients wait and known ones are slowed. */
  perAccount: number;
  windowMs: number;
  /** The first delay after the free failures; it doubles with each further failure, up to the window. */
  baseDelayMs: number;
  /** How long a known client's sign-in is held while its account is under attack. */
  slowMs: number;
}

export function signInLimits(cfg: { SIGNIN_MAX_FAILURES: number; SIGNIN_WINDOW_MINUTES: number }): SignInLimits {
  return {
    pairFree: cfg.SIGNIN_MAX_FAILURES,
    perAddress: cfg.SIGNIN_MAX_FAILURES * 4,
    perAccount: cfg.SIGNIN_MAX_FAILURES * 10,
    windowMs: cfg.SIGNIN_WINDOW_MINUTES * 60_000,
    baseDelayMs: 30_000,
    slowMs: 1_000,
  };
}

export type ThrottleVerdict =
  { blocked: false; slowMs: number } | { blocked: true; by: "pair" | "address" | "account"; retryInMs: number };

function inWindow(failures: Date[], windowMs: number, now: Date): number[] {
  return failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => a - b);
}

/** When the count in the window drops below `max` again, or null if it is already below. */
function unblockAt(times: number[], max: number, windowMs: number): number | null {
  if (times.length < max) return null;
  // Once this one ages out, max - 1 remain.
  return times[times.length - max]! + windowMs;
}

/** The pair's next try is allowed this long after its newest failure (0 while failures are free). */
export function pairDelayMs(failures: number, limits: SignInLimits): number {
  if (failures < limits.pairFree) return 0;
  return Math.min(limits.windowMs, limits.baseDelayMs * 2 ** (failures - limits.pairFree));
}

export function evaluateThrottle(input: {
  pairFailures: Date[];
  addressFailures: Date[];
  accountFailures: Date[];
  /** The account knows this client: its device cookie, or an address it signed in from before. */
  known: boolean;
  limits: SignInLimits;
  now: Date;
}): ThrottleVerdict {
  const { limits, now } = input;
  const t = now.getTime();
  const waits: { by: "pair" | "address" | "account"; until: number }[] = [];

  const pair = inWindow(input.pairFailures, limits.windowMs, now);
  const delay = pairDelayMs(pair.length, limits);
  if (delay > 0 && pair[pair.length - 1]! + delay > t)
    waits.push({ by: "pair", until: pair[pair.length - 1]! + delay });

  const account = unblockAt(inWindow(input.accountFailures, limits.windowMs, now), limits.perAccount, limits.windowMs);
  if (!input.known) {
    const address = unblockAt(
      inWindow(input.addressFailures, limits.windowMs, now),
      limits.perAddress,
      limits.windowMs,
    );
    if (address !== null) waits.push({ by: "address", until: address });
    if (account !== null) waits.push({ by: "account", until: account });
  }

  const longest = waits.sort((a, b) => b.until - a.until)[0];
  if (longest) return { blocked: true, by: longest.by, retryInMs: Math.max(1000, longest.until - t) };
  return { blocked: false, slowMs: input.known && account !== null ? limits.slowMs : 0 };
}

export function throttleMessage(retryInMs: number): string {
  if (retryInMs < 60_000) {
    const s = Math.max(1, Math.ceil(retryInMs / 1000));
    return `Too many attempts, try again in ${s} second${s === 1 ? "" : "s"}.`;
  }
  const m = Math.ceil(retryInMs / 60_000);
  return `Too many attempts, try again in ${m} minute${m === 1 ? "" : "s"}.`;
}
