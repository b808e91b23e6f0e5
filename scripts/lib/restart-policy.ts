/**
 * When to restart a supervised child that exited, and when its exits amount to
 * a crash loop. Pure, so the policy is unit-tested without processes.
 */
export interface RestartPolicy {
  /** First delay; doubles on each exit in a streak, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A child that ran this long before exiting starts a new streak (first delay again). */
  stableAfterMs: number;
  /** This many exits within crashLoopWindowMs is a crash loop, reported loudly. */
  crashLoopExits: number;
  crashLoopWindowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 250,
  maxDelayMs: 15_000,
  stableAfterMs: 30_000,
  crashLoopExits: 5,
  crashLoopWindowMs: 60_000,
};

export interface ExitHistory {
  /** Exits in the current streak (0 before the first exit). */
  streak: number;
  /** Times (ms) of recent exits, oldest first. */
  exits: number[];
}

export interface RestartDecision {
  delayMs: number;
  history: ExitHistory;
  crashLoop: boolean;
  exitsInWindow: number;
}

/** Decide after an exit at `now` of a child that had run for `ranMs`. */
export function decideRestart(
  history: ExitHistory,
  ranMs: number,
  now: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): RestartDecision {
  const streak = ranMs >= policy.stableAfterMs ? 1 : history.streak + 1;
  const exits = [...history.exits, now].filter((t) => now - t <= policy.crashLoopWindowMs);
  const delayMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (streak - 1));
  return {
    delayMs,
    history: { streak, exits },
    crashLoop: exits.length >= policy.crashLoopExits,
    exitsInWindow: exits.length,
  };
}
