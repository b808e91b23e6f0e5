/** timezone: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "./support/level-suite";

/**
 * The fault picks a zone whose date differs from UTC's for the coming hour, but in
 * the last minutes of a UTC day no zone can (every zone's date meets UTC's at
 * midnight): step over midnight so the outage is visible whenever CI runs.
 */
async function notJustBeforeUtcMidnight(): Promise<void> {
  const now = new Date();
  const toMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();
  if (toMidnight < 4 * 60_000) await new Promise((r) => setTimeout(r, toMidnight + 5_000));
}

levelSuite("timezone", { seeds: ["v2", "v1"], beforeProvision: notJustBeforeUtcMidnight });
