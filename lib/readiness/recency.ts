/**
 * How fresh a grade is, for the coverage cells' colour: practice decays, so a
 * pass from last week says more than one from last year. Pure.
 */
export type Recency = "fresh" | "aging" | "stale";

export const RECENCY_DAYS = { fresh: 30, aging: 90 } as const;

export function recencyOf(at: Date, now: Date): Recency {
  const days = (now.getTime() - at.getTime()) / 86_400_000;
  if (days <= RECENCY_DAYS.fresh) return "fresh";
  if (days <= RECENCY_DAYS.aging) return "aging";
  return "stale";
}

export const RECENCY_LABEL: Record<Recency, string> = {
  fresh: `within ${RECENCY_DAYS.fresh} days`,
  aging: `${RECENCY_DAYS.fresh}–${RECENCY_DAYS.aging} days ago`,
  stale: `more than ${RECENCY_DAYS.aging} days ago`,
};
