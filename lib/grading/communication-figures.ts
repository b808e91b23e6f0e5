/**
 * How a team communicated during its incident, from the timeline. Pure.
 *
 * - status updates: how many during the incident, the median interval between
 *   them, and the longest stretch without one (from the start, between them,
 *   and up to the end of the incident);
 * - command: the share of the incident's time with an incident commander;
 * - stakeholders: their messages answered (a channel reply) within the time
 *   they asked for, n of m, with each response time.
 */
import { readEventData } from "../timeline/event-data";

export interface CommunicationEvent {
  id: string;
  kind: string;
  at: Date;
  data: unknown;
}

export interface StakeholderResponse {
  injectId: string;
  from: string;
  askedAt: string;
  dueAt: string | null;
  answeredAt: string | null;
  /** Seconds from the question to the first answer (null when unanswered). */
  responseSeconds: number | null;
  inTime: boolean;
}

export interface CommunicationFigures {
  incidentMinutes: number;
  statusUpdates: number;
  /** Null with fewer than two updates. */
  medianUpdateIntervalMinutes: number | null;
  longestGapMinutes: number;
  /** 0..1 of the incident's time with a commander assigned. */
  commanderShare: number;
  stakeholder: { asked: number; answeredInTime: number; responses: StakeholderResponse[] };
}

const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds within [start, end] during which someone held the COMMANDER role. */
function commandedMs(events: CommunicationEvent[], start: number, end: number): number {
  const roles = new Map<string, string>();
  const hasCommander = () => [...roles.values()].includes("COMMANDER");
  let total = 0;
  let cursor = start;
  let commanded = false;
  // Events at the same instant (a hand-over: one demoted, one promoted) are applied together.
  const times = [...new Set(events.filter((e) => e.kind === "ROLE").map((e) => e.at.getTime()))].sort((a, b) => a - b);
  for (const t of times) {
    const at = Math.min(Math.max(t, start), end);
    if (commanded) total += at - cursor;
    cursor = at;
    for (const e of events) {
      if (e.kind !== "ROLE" || e.at.getTime() !== t) continue;
      const d = readEventData("ROLE", e.data);
      if (d) roles.set(d.userId, d.role);
    }
    commanded = hasCommander();
  }
  if (commanded) total += end - cursor;
  return total;
}

export function communicationFigures(input: {
  startedAt: Date;
  /** When the incident ended (mitigated, abandoned…); the figures stop there. */
  endedAt: Date;
  events: CommunicationEvent[];
}): CommunicationFigures {
  const start = input.startedAt.getTime();
  const end = Math.max(start, input.endedAt.getTime());
  const events = [...input.events].sort((a, b) => a.at.getTime() - b.at.getTime());

  const updates = events
    .filter((e) => e.kind === "STATUS_UPDATE")
    .map((e) => e.at.getTime())
    .filter((t) => t >= start && t <= end);
  const intervals = updates.slice(1).map((t, i) => t - updates[i]!);
  const gaps = [...updates, end].map((t, i) => t - (i === 0 ? start : updates[i - 1]!));

  const responses: StakeholderResponse[] = [];
  for (const e of events) {
    if (e.kind !== "INJECT") continue;
    const d = readEventData("INJECT", e.data);
    if (d?.kind !== "stakeholder") continue;
    const answer = events.find(
      (r) =>
        (r.kind === "CHAT" || r.kind === "STATUS_UPDATE") &&
        (r.data as { replyTo?: unknown } | null)?.replyTo === e.id &&
        r.at >= e.at,
    );
    const due = d.dueAt ? Date.parse(d.dueAt) : null;
    responses.push({
      injectId: e.id,
      from: d.from ?? "A stakeholder",
      askedAt: e.at.toISOString(),
      dueAt: d.dueAt ?? null,
      answeredAt: answer?.at.toISOString() ?? null,
      responseSeconds: answer ? Math.round((answer.at.getTime() - e.at.getTime()) / 1000) : null,
      inTime: !!answer && (due === null || answer.at.getTime() <= due),
    });
  }

  return {
    incidentMinutes: minutes(end - start),
    statusUpdates: updates.length,
    medianUpdateIntervalMinutes: intervals.length > 0 ? minutes(median(intervals)!) : null,
    longestGapMinutes: minutes(Math.max(...gaps)),
    commanderShare: end > start ? Math.round((commandedMs(events, start, end) / (end - start)) * 100) / 100 : 0,
    stakeholder: {
      asked: responses.length,
      answeredInTime: responses.filter((r) => r.inTime).length,
      responses,
    },
  };
}
