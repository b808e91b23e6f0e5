/**
 * When fix checks ran, read from the timeline: a check's start is a SYSTEM
 * event marked `check: "started"`, its verdict the CHECK event that follows.
 * A verdict with no recorded start (records from before starts were recorded)
 * started `durationMs` before it. The SLI's transitions are judged against
 * these runs (sync-sli, prefill-timeline): a worsening while a check ran or
 * settled is the check's doing, not the incident's. Pure.
 */
import type { EventKind } from "@prisma/client";
import { readEventData } from "./event-data";
import type { CheckRun } from "./sli";

export interface CheckEventLike {
  kind: EventKind;
  at: Date;
  data: unknown;
}

/** Is this the start of a fix check? */
export function isCheckStart(e: CheckEventLike): boolean {
  return e.kind === "SYSTEM" && readEventData("SYSTEM", e.data)?.check === "started";
}

/** The runs of the checks among `events` (any order; other kinds are passed over), oldest first. */
export function checkRuns(events: readonly CheckEventLike[]): CheckRun[] {
  const runs: CheckRun[] = [];
  const sorted = events
    .filter((e) => e.kind === "CHECK" || isCheckStart(e))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of sorted) {
    const at = e.at.getTime();
    if (e.kind !== "CHECK") {
      runs.push({ startedAt: at, endedAt: null });
      continue;
    }
    const open = runs.at(-1);
    if (open && open.endedAt === null) open.endedAt = at;
    else runs.push({ startedAt: at - (readEventData("CHECK", e.data)?.durationMs ?? 0), endedAt: at });
  }
  return runs;
}
