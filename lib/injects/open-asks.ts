/**
 * Stakeholder messages still waiting for the team's answer, soonest deadline
 * first: what the room's header counts down. Browser-safe and pure.
 */
export interface OpenAsk {
  id: string;
  from: string;
  dueAt: number;
}

interface EventLike {
  id: string;
  kind: string;
  data: unknown;
}

export function openAsks(events: readonly EventLike[]): OpenAsk[] {
  const answered = new Set(events.map((e) => (e.data as { replyTo?: unknown } | null)?.replyTo).filter(Boolean));
  return events
    .flatMap((e) => {
      const d = e.data as { kind?: string; from?: string; dueAt?: string } | null;
      if (e.kind !== "INJECT" || d?.kind !== "stakeholder" || !d.dueAt || answered.has(e.id)) return [];
      const dueAt = Date.parse(d.dueAt);
      return Number.isNaN(dueAt) ? [] : [{ id: e.id, from: d.from ?? "A stakeholder", dueAt }];
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}
