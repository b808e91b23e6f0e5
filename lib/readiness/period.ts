/** The readiness page's filters, parsed from the query string with a schema. */
import { z } from "zod";

export const PERIODS = {
  "30": "Last 30 days",
  "90": "Last 90 days",
  "365": "Last 12 months",
  all: "All time",
} as const;
export type Period = keyof typeof PERIODS;

/** `team`: a team id, "none" (people without a team) or "all". */
export const ReadinessFilterSchema = z.object({
  team: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .catch("all")
    .default("all"),
  period: z
    .enum(Object.keys(PERIODS) as [Period, ...Period[]])
    .catch("90")
    .default("90"),
});
export type ReadinessFilter = z.infer<typeof ReadinessFilterSchema>;

export function parseFilter(params: Record<string, string | string[] | undefined>): ReadinessFilter {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return ReadinessFilterSchema.parse({ team: one(params.team), period: one(params.period) });
}

export function periodStart(period: Period, now: Date): Date | null {
  return period === "all" ? null : new Date(now.getTime() - Number(period) * 86_400_000);
}
