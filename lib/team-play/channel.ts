/**
 * The incident channel: which timeline events it shows, and what players may
 * not see there (a facilitator's second fault is theirs to find). Browser-safe.
 */
import type { EventKind } from "@prisma/client";
import { LIVE } from "../core/attempt-status";

export const CHANNEL_KINDS = [
  "CHAT",
  "STATUS_UPDATE",
  "ROLE",
  "INJECT",
  "SEVERITY",
  "CHECK",
  "NOTE",
] as const satisfies readonly EventKind[];

export const INCIDENT_ROLES = ["PLAYER", "COMMANDER", "OPERATOR", "COMMUNICATIONS"] as const;
export type IncidentRoleName = (typeof INCIDENT_ROLES)[number];

export const INCIDENT_ROLE_TITLE: Record<IncidentRoleName, string> = {
  PLAYER: "Responder",
  COMMANDER: "Incident commander",
  OPERATOR: "Operator",
  COMMUNICATIONS: "Communications",
};

/** Attempt statuses in which the room is live (chat, roles, injects). */
export const LIVE_ROOM_STATUSES = LIVE;

export function inChannel(e: { kind: string; data: unknown }, viewerMode: "rw" | "ro"): boolean {
  if (!(CHANNEL_KINDS as readonly string[]).includes(e.kind)) return false;
  if (viewerMode === "rw" && e.kind === "INJECT") return (e.data as { kind?: unknown } | null)?.kind !== "fault";
  return true;
}
