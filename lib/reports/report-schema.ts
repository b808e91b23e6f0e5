/**
 * The incident report a player keeps during play. Drafts accept anything
 * partial (autosave must never lose typing); submission requires the sections
 * a responder owes, with a message per missing field.
 */
import { z } from "zod";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export const SEVERITY_LABEL: Record<(typeof SEVERITIES)[number], string> = {
  SEV1: "SEV1 — critical: the service is down for most users",
  SEV2: "SEV2 — major: a core feature is broken or badly degraded",
  SEV3: "SEV3 — minor: degraded for some users, workaround exists",
  SEV4: "SEV4 — low: cosmetic or no user impact",
};

const text = (max: number) => z.string().max(max).default("");

export const HypothesisSchema = z
  .object({
    text: z.string().max(1000).default(""),
    outcome: z.enum(["open", "confirmed", "ruled-out"]).default("open"),
  })
  .strict();
export const StatusUpdateSchema = z.object({ at: z.string().max(40), text: z.string().max(2000) }).strict();

export const ReportDraftSchema = z
  .object({
    severity: z.enum(SEVERITIES).or(z.literal("")).default(""),
    impact: text(4000),
    detectedAt: text(40),
    detectedHow: text(2000),
    symptoms: text(4000),
    hypotheses: z.array(HypothesisSchema).max(50).default([]),
    actions: text(8000),
    mitigation: text(4000),
    statusUpdates: z.array(StatusUpdateSchema).max(100).default([]),
  })
  .strict();
export type ReportContent = z.infer<typeof ReportDraftSchema>;

export const EMPTY_REPORT: ReportContent = ReportDraftSchema.parse({});

const REQUIRED: { field: keyof ReportContent; message: string }[] = [
  { field: "severity", message: "Choose a severity." },
  { field: "impact", message: "Say who was affected and how." },
  { field: "detectedHow", message: "Say how the incident was detected." },
  { field: "symptoms", message: "Describe the symptoms you saw." },
  { field: "actions", message: "List the actions you took." },
  { field: "mitigation", message: "Say what mitigated the incident." },
];

/** Field → message for everything a submission still lacks (empty when complete). */
export function missingReportFields(content: ReportContent): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of REQUIRED) {
    const v = content[field];
    if (typeof v === "string" && v.trim() === "") out[field] = message;
  }
  if (!content.hypotheses.some((h) => h.text.trim() !== ""))
    out.hypotheses = "Record at least one hypothesis you tested.";
  return out;
}
