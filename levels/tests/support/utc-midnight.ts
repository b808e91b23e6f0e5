/**
 * The timezone level's fault picks a zone whose date differs from UTC's for the coming hour, but in
 * the last minutes of a UTC day no zone's can (every zone's date meets UTC's at midnight): step over
 * midnight first, so the outage is visible whenever a test runs.
 */
export async function notJustBeforeUtcMidnight(): Promise<void> {
  const now = new Date();
  const toMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();
  if (toMidnight < 4 * 60_000) await new Promise((r) => setTimeout(r, toMidnight + 5_000));
}
