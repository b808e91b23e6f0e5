/**
 * What the room reads from the channel's events as they arrive: the members'
 * roles now, the incident's severity, and which of the level's second faults
 * a facilitator has fired. Pure.
 */
import type { RoomMember } from "@/lib/attempts/get-room";
import type { TimelineEventView } from "@/lib/timeline/event-view";

/** The members' roles now: as the page was rendered, then every ROLE event in order. */
export function currentRoles(members: RoomMember[], events: TimelineEventView[]): RoomMember[] {
  const roles = new Map(members.map((m) => [m.userId, m.role]));
  for (const e of events) {
    if (e.kind !== "ROLE") continue;
    const d = e.data as { userId?: unknown; role?: unknown };
    if (typeof d.userId === "string" && typeof d.role === "string" && roles.has(d.userId)) roles.set(d.userId, d.role);
  }
  return members.map((m) => ({ ...m, role: roles.get(m.userId) ?? m.role }));
}

/** The latest SEVERITY event's severity, else the one the page was rendered with. */
export function currentSeverity(events: TimelineEventView[], initial: string | null): string | null {
  const last = events.findLast((e) => e.kind === "SEVERITY");
  return (last?.data as { severity?: string } | undefined)?.severity ?? initial;
}

/** The ids of the level's injects a facilitator has fired as second faults. */
export function faultsTriggered(events: TimelineEventView[]): string[] {
  return events.flatMap((e) => {
    const d = e.data as { kind?: string; injectId?: string } | null;
    return e.kind === "INJECT" && d?.kind === "fault" && d.injectId ? [d.injectId] : [];
  });
}
