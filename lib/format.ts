/**
 * Dates as people read them, fixed to one locale and UTC so server and tests
 * agree: every page formats dates and times here ("1 Dec 2026", "1 Dec, 00:08 UTC",
 * "00:08:12"), never with its own toLocale*.
 */
const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function formatDate(d: Date): string {
  return date.format(d);
}

export function formatDateTime(d: Date): string {
  return dateTime.format(d);
}

const time = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** A time of day (UTC) for lists within one incident: channel lines, status updates, machine events. */
export function formatTime(d: Date | string): string {
  const at = typeof d === "string" ? new Date(d) : d;
  // A typed-in value that is not a time is shown as typed (Intl throws on an invalid date).
  return Number.isNaN(at.getTime()) ? String(d) : time.format(at);
}

const weekdayTime = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** A moment within the coming days, short: "Thu 14:00 UTC". */
export function formatWeekdayTime(d: Date): string {
  return `${weekdayTime.format(d)} UTC`;
}
