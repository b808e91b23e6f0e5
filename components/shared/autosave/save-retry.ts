/**
 * When an autosave that failed is tried again. A lost connection (status 0), a
 * server error (5xx: the database restarting, a deploy) or a 429 is passing:
 * retry with backoff, 2 s doubling to 30 s, for as long as the page is open (the
 * local copy holds the text meanwhile). Any other refusal (400, 403, 409) will
 * not change by waiting: no retry.
 */
export const SAVE_RETRY_FIRST_MS = 2000;
export const SAVE_RETRY_MAX_MS = 30_000;

export function isPassingFailure(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

/** Delay before the next try after `failures` failures in a row (1 = the first), or null for no retry. */
export function saveRetryDelayMs(status: number, failures: number): number | null {
  if (!isPassingFailure(status)) return null;
  const n = Math.max(1, failures);
  return Math.min(SAVE_RETRY_MAX_MS, SAVE_RETRY_FIRST_MS * 2 ** (n - 1));
}
