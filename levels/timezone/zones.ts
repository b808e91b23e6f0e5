/**
 * Picking a time zone whose calendar date differs from UTC's right now, so the
 * fault shows whatever the time of day: zones east of UTC are a day ahead late
 * in the UTC day, zones west of it a day behind early in the UTC day.
 */

/** Always in play, so some candidate differs at every hour: +14 from 10:00 UTC, -11 until 11:00 UTC. */
export const FALLBACK_ZONES = ["Pacific/Kiritimati", "Pacific/Pago_Pago"];

/** YYYY-MM-DD in a zone. */
export function dateIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );
}

/** Minutes, out of the next `horizonMinutes` (sampled every 5), in which the zone's date is not UTC's. */
export function minutesOff(zone: string, from: Date, horizonMinutes = 60): number {
  let off = 0;
  for (let m = 0; m < horizonMinutes; m += 5) {
    const at = new Date(from.getTime() + m * 60_000);
    if (dateIn(zone, at) !== dateIn("UTC", at)) off += 5;
  }
  return off;
}

/**
 * Among the candidates (seeded ones first) whose date differs from UTC's now,
 * the one that stays different longest over the next hour.
 */
export function pickZone(candidates: string[], now: Date): string {
  const all = [...new Set([...candidates, ...FALLBACK_ZONES])];
  const differing = all.filter((zone) => dateIn(zone, now) !== dateIn("UTC", now));
  let best = (differing[0] ?? all[0]) as string;
  let bestScore = -1;
  for (const zone of differing.length ? differing : all) {
    const score = minutesOff(zone, now);
    if (score > bestScore) {
      best = zone;
      bestScore = score;
    }
  }
  return best;
}

/** UTC offset in minutes of a zone at an instant. */
export function offsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** True when the zone is UTC all year (Etc/UTC, UTC, GMT, Africa/Abidjan…): offset 0 in every season. */
export function isUtcAllYear(zone: string): boolean {
  try {
    const year = new Date().getUTCFullYear();
    return [0, 3, 6, 9].every((month) => offsetMinutes(zone, new Date(Date.UTC(year, month, 15, 12))) === 0);
  } catch {
    return false; // not a zone name Intl knows
  }
}

/** True when two zones have the same UTC offset at every moment of the coming year (sampled weekly, DST included). */
export function agreeAllYear(a: string, b: string, from = new Date()): boolean {
  try {
    for (let day = 0; day <= 371; day += 7) {
      const at = new Date(from.getTime() + day * 86_400_000);
      if (offsetMinutes(a, at) !== offsetMinutes(b, at)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The next moment (15-minute steps, within two days) at which the two zones are on different dates. */
export function nextDisagreement(a: string, b: string, from: Date): Date | null {
  for (let m = 0; m <= 48 * 60; m += 15) {
    const at = new Date(from.getTime() + m * 60_000);
    if (dateIn(a, at) !== dateIn(b, at)) return at;
  }
  return null;
}

/** A zone name Intl knows, or null ("Etc/Unknown" and typos are not zones). */
export function knownZone(name: string): string | null {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name }).format(0);
    return name;
  } catch {
    return null;
  }
}
