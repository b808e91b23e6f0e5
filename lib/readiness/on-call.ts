/**
 * Who can go on call, from the certification data and the progress toward the
 * rule. Pure.
 *
 * Seam for expiry: certification validity (expiring soon / expired) is decided
 * by a pure function in lib/certification/ (added with certification mode).
 * Pass it as `standingOf`; until then a certification never expires.
 */
import type { Progress } from "../certification/rule";

export type CertificationStanding = "valid" | "expiring" | "expired";
export type StandingOf = (awardedAt: Date, now: Date) => { standing: CertificationStanding; expiresAt: Date | null };
export const NEVER_EXPIRES: StandingOf = () => ({ standing: "valid", expiresAt: null });

export type OnCallState = "certified" | "expiring" | "expired" | "close" | "not-yet";

export interface OnCallStatus {
  state: OnCallState;
  certifiedAt: Date | null;
  expiresAt: Date | null;
  /** What is missing before (re-)certification, in words; empty when certified. */
  missing: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Close": at most this many levels and one category short of the rule. */
export const CLOSE = { levels: 2, categories: 1 } as const;

export function onCallStatus(
  p: { certifiedAt: Date | null; progress: Progress; uncoveredCategories: string[] },
  now: Date,
  standingOf: StandingOf = NEVER_EXPIRES,
): OnCallStatus {
  const missing: string[] = [];
  if (p.progress.levelsLeft > 0) missing.push(`${plural(p.progress.levelsLeft, "more level", "more levels")} passed`);
  if (p.progress.categoriesLeft > 0) {
    const names = p.uncoveredCategories.slice(0, 3).join(", ");
    missing.push(
      `${plural(p.progress.categoriesLeft, "more category", "more categories")}${names ? ` (e.g. ${names})` : ""}`,
    );
  }
  if (p.certifiedAt) {
    const { standing, expiresAt } = standingOf(p.certifiedAt, now);
    const state = standing === "valid" ? "certified" : standing;
    return { state, certifiedAt: p.certifiedAt, expiresAt, missing: state === "expired" ? missing : [] };
  }
  const close = p.progress.levelsLeft <= CLOSE.levels && p.progress.categoriesLeft <= CLOSE.categories;
  return { state: close ? "close" : "not-yet", certifiedAt: null, expiresAt: null, missing };
}

export const ON_CALL_LABEL: Record<OnCallState, string> = {
  certified: "Certified",
  expiring: "Expiring soon",
  expired: "Expired",
  close: "Close",
  "not-yet": "Not yet",
};
