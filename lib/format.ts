/** Dates as people read them, fixed to one locale and UTC so server and tests agree. */
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
