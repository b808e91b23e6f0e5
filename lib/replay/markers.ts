/**
 * Which timeline events get a marker on the replay's time axis, and in what
 * tone: checks (pass/fail), SLI state changes, chat and status updates,
 * injects, hints and the rest. Commands are too many to mark; they stay in the list.
 */
import type { EventKind } from "@prisma/client";
import { readEventData } from "../timeline/event-data";

export type MarkerTone = "pass" | "fail" | "healthy" | "degraded" | "down" | "talk" | "inject" | "hint" | "other";

export interface MarkerStyle {
  tone: MarkerTone;
  /** Short name of the kind, for the legend and screen readers. */
  kind: string;
}

export function markerOf(e: { kind: EventKind; data: unknown }): MarkerStyle | null {
  switch (e.kind) {
    case "COMMAND":
      return null;
    case "CHECK":
      return { tone: readEventData("CHECK", e.data)?.passed ? "pass" : "fail", kind: "check" };
    case "SLI":
      return { tone: readEventData("SLI", e.data)?.state ?? "degraded", kind: "service level" };
    case "CHAT":
      return { tone: "talk", kind: "chat" };
    case "STATUS_UPDATE":
      return { tone: "talk", kind: "status update" };
    case "INJECT":
      return { tone: "inject", kind: "inject" };
    case "HINT":
      return { tone: "hint", kind: "hint" };
    case "NOTE": {
      // A facilitator's coaching is a NOTE that says which: a hint or a message.
      const coaching = readEventData("NOTE", e.data)?.kind;
      if (coaching === "hint") return { tone: "hint", kind: "coach's hint" };
      if (coaching === "message") return { tone: "talk", kind: "coach's message" };
      return { tone: "other", kind: "note" };
    }
    default:
      return { tone: "other", kind: e.kind.toLowerCase().replace("_", " ") };
  }
}
