/**
 * The one place that says what an attempt's status means: the moves between
 * statuses, the named sets use-cases and pages ask about, and the label and
 * tone people see. Browser-safe (no database), so pages and components use it too.
 */
import type { AttemptStatus } from "@prisma/client";

export type { AttemptStatus };

export const ATTEMPT_STATUSES = [
  "PROVISIONING",
  "ACTIVE",
  "MITIGATED",
  "SUBMITTED",
  "RETURNED",
  "GRADED",
  "ABANDONED",
  "FAILED",
] as const satisfies readonly AttemptStatus[];

/**
 * Every move an attempt can make, and what makes it:
 * PROVISIONING → ACTIVE (environment ready) | FAILED (it could not start) | ABANDONED;
 * FAILED → PROVISIONING (retry) | ACTIVE (the environment came up after all) | ABANDONED;
 * ACTIVE → MITIGATED (Check my fix passed) | ABANDONED; MITIGATED, RETURNED → SUBMITTED (postmortem
 * handed in); SUBMITTED → GRADED (final grade) | RETURNED (returned for revision).
 */
export const TRANSITIONS: Readonly<Record<AttemptStatus, readonly AttemptStatus[]>> = {
  PROVISIONING: ["ACTIVE", "FAILED", "ABANDONED"],
  FAILED: ["PROVISIONING", "ACTIVE", "ABANDONED"],
  ACTIVE: ["MITIGATED", "ABANDONED"],
  MITIGATED: ["SUBMITTED"],
  RETURNED: ["SUBMITTED"],
  SUBMITTED: ["GRADED", "RETURNED"],
  GRADED: [],
  ABANDONED: [],
};

export function canMove(from: AttemptStatus, to: AttemptStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses an attempt can move to `to` from, in ATTEMPT_STATUSES order. */
function into(to: AttemptStatus): readonly AttemptStatus[] {
  return ATTEMPT_STATUSES.filter((s) => canMove(s, to));
}

/** Starting or started, fix not yet proven: one of these per player blocks starting another. */
export const OPEN = ["PROVISIONING", "ACTIVE"] as const satisfies readonly AttemptStatus[];
/** The environment is up and the fault applied: players act in it (commands, acknowledge, injects). */
export const PLAYING = ["ACTIVE", "MITIGATED"] as const satisfies readonly AttemptStatus[];
/** Being prepared or played: the board shows it, its room is live (channel, coaching). */
export const LIVE = ["PROVISIONING", "ACTIVE", "MITIGATED"] as const satisfies readonly AttemptStatus[];
/** The attempt's page is the incident room (a failed start shows there, with its retry). */
export const IN_ROOM = ["PROVISIONING", "ACTIVE", "MITIGATED", "FAILED"] as const satisfies readonly AttemptStatus[];
/** Still needs its players: in the room, or returned for a revision. */
export const UNFINISHED = [...IN_ROOM, "RETURNED"] as const satisfies readonly AttemptStatus[];
/** A player (or the end of a game day) may give it up. */
export const ABANDONABLE = into("ABANDONED");
/** The postmortem (and the report's hand-in) is open: after the fix passed, or again after a return. */
export const WRITE_UP_OPEN = into("SUBMITTED");
/** The report can still change: while the incident runs, and until the write-up is handed in. */
export const REPORT_OPEN = [
  "PROVISIONING",
  "ACTIVE",
  "MITIGATED",
  "RETURNED",
] as const satisfies readonly AttemptStatus[];
/** A facilitator has decided on it (final, or returned for revision). */
export const REVIEWED = ["GRADED", "RETURNED"] as const satisfies readonly AttemptStatus[];

export function isIn<S extends AttemptStatus>(set: readonly S[], status: string): status is S {
  return (set as readonly string[]).includes(status);
}

export type StatusTone = "slate" | "green" | "ember" | "blue" | "red";

/** What a person sees for each status, on every page that lists attempts. */
export const STATUS_VIEW: Readonly<Record<AttemptStatus, { label: string; tone: StatusTone }>> = {
  PROVISIONING: { label: "Preparing", tone: "slate" },
  ACTIVE: { label: "In progress", tone: "red" },
  MITIGATED: { label: "Write-up due", tone: "ember" },
  SUBMITTED: { label: "Waiting for a grade", tone: "blue" },
  RETURNED: { label: "Returned for revision", tone: "ember" },
  GRADED: { label: "Graded", tone: "green" },
  ABANDONED: { label: "Abandoned", tone: "slate" },
  FAILED: { label: "Failed to start", tone: "slate" },
};

/** Label and tone of a status read from anywhere (an unknown one shows as itself, in slate). */
export function statusView(status: string): { label: string; tone: StatusTone } {
  return isIn(ATTEMPT_STATUSES, status) ? STATUS_VIEW[status] : { label: status, tone: "slate" };
}
