/** One line of plain English for a timeline event, shared by the room, the postmortem prefill and grading. */
import type { EventKind } from "@prisma/client";
import { readEventData } from "./event-data";

export interface TimelineEventLike {
  kind: EventKind;
  at: Date;
  data: unknown;
  actorName?: string | null;
}

const INCIDENT_ROLE_LABEL: Record<string, string> = {
  PLAYER: "a responder",
  COMMANDER: "incident commander",
  OPERATOR: "operator",
  COMMUNICATIONS: "on communications",
};

function pct(rate: number | null): string {
  if (rate === null) return "no traffic";
  const p = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(p) ? p : p.toFixed(1)} % success`;
}

export function describeEvent(e: TimelineEventLike): string {
  switch (e.kind) {
    case "COMMAND": {
      const d = readEventData("COMMAND", e.data);
      return d ? `Ran on ${d.instance}: ${d.command}` : "Ran a command";
    }
    case "CHECK": {
      const d = readEventData("CHECK", e.data);
      if (!d) return "Checked the fix";
      if (d.unjudged) return `Fix check could not judge: ${d.message}`;
      return d.passed ? `Fix check passed: ${d.message}` : `Fix check failed: ${d.message}`;
    }
    case "SLI": {
      const d = readEventData("SLI", e.data);
      if (!d) return "Service level changed";
      const detail = [pct(d.successRate), d.p95Ms === null ? null : `p95 ${Math.round(d.p95Ms)} ms`]
        .filter(Boolean)
        .join(", ");
      const label =
        d.state === "healthy" ? "Service recovered" : d.state === "down" ? "Service down" : "Service degraded";
      return `${label} (${detail})${d.state !== "healthy" && d.lastError ? `: ${d.lastError}` : ""}`;
    }
    case "HINT": {
      const d = readEventData("HINT", e.data);
      return d ? `Took hint ${d.index + 1} (−${d.cost} points)` : "Took a hint";
    }
    case "SEVERITY": {
      const d = readEventData("SEVERITY", e.data);
      if (!d) return "Severity changed";
      return d.previous ? `Severity changed from ${d.previous} to ${d.severity}` : `Incident declared at ${d.severity}`;
    }
    case "STATUS_UPDATE":
      return `Status update: ${readEventData("STATUS_UPDATE", e.data)?.text ?? ""}`.trim();
    case "NOTE": {
      const d = readEventData("NOTE", e.data);
      if (!d) return "Note";
      if (d.kind)
        return `${d.kind === "hint" ? "Hint" : "Message"} from ${d.from ? `facilitator ${d.from}` : "the facilitator"}: ${d.text}`;
      return d.text;
    }
    case "CHAT":
      return readEventData("CHAT", e.data)?.text ?? "Message";
    case "INJECT": {
      const d = readEventData("INJECT", e.data);
      if (!d) return "Inject";
      if (d.kind === "stakeholder")
        return `${d.from ?? "A stakeholder"} asks: ${d.message}${d.answerWithinMinutes ? ` (answer within ${d.answerWithinMinutes} min)` : ""}`;
      // A fault's nature stays with the facilitators (the players are meant to find it).
      if (d.kind === "fault") return "The facilitator injected a second fault";
      return d.message;
    }
    case "ROLE": {
      const d = readEventData("ROLE", e.data);
      if (!d) return "Role assigned";
      const who = d.name ?? e.actorName ?? "Someone";
      if (d.previous === "COMMANDER" && d.role !== "COMMANDER") return `${who} handed over incident command`;
      return `${who} is now ${INCIDENT_ROLE_LABEL[d.role] ?? d.role.toLowerCase()}`;
    }
    case "SYSTEM":
      return readEventData("SYSTEM", e.data)?.message ?? "System event";
  }
}
