/**
 * An assignment's state as everyone reads it, pure: done once its attempt got a
 * final grade, overdue after its due date, due soon within two days, else open.
 * Due dates are whole days: an assignment is due by the end of its day (UTC).
 */
export type AssignmentState = "done" | "overdue" | "due-soon" | "open";

export const DUE_SOON_MS = 2 * 24 * 60 * 60_000;

export function assignmentState(a: { dueAt: Date | null; completedAt: Date | null }, now: Date): AssignmentState {
  if (a.completedAt) return "done";
  if (!a.dueAt) return "open";
  const left = a.dueAt.getTime() - now.getTime();
  if (left < 0) return "overdue";
  return left <= DUE_SOON_MS ? "due-soon" : "open";
}

/** The end of a calendar day (YYYY-MM-DD) in UTC, which is how due dates are stored and shown. */
export function endOfDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d, 23, 59, 59, 999));
  return at.getUTCDate() === d && at.getUTCMonth() === mo - 1 ? at : null;
}

/** What an assignment asks for, in words. */
export function assignmentLabel(a: {
  pick: "LEVEL" | "CATEGORY" | "RANDOM";
  levelTitle: string | null;
  category: string | null;
  playMode: "TRAINING" | "CERTIFICATION";
}): string {
  const what =
    a.pick === "LEVEL"
      ? (a.levelTitle ?? "A level that was removed")
      : a.pick === "CATEGORY"
        ? `Any level in ${a.category ?? "a category"}`
        : "A random level not yet passed";
  return a.playMode === "CERTIFICATION" ? `${what} (certification)` : what;
}

/** The due day the assign form offers: a week from `now`, as YYYY-MM-DD (UTC). */
export function weekAhead(now: Date): string {
  return new Date(now.getTime() + 7 * 24 * 60 * 60_000).toISOString().slice(0, 10);
}
