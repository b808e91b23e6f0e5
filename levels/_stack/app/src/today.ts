/** Calendar helpers for pages that show "today's" records. */

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Today's date as YYYY-MM-DD, on this server's clock. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
