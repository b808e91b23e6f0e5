/**
 * The blameless postmortem (Google SRE / PagerDuty template). Drafts accept
 * anything partial; `missingPostmortemFields` names every section a submission
 * still lacks, field by field, so the form can say so beside each one.
 */
import { z } from "zod";

const text = (max: number) => z.string().max(max).default("");

export const ACTION_KINDS = ["prevent", "mitigate", "detect", "process"] as const;

export const ActionItemSchema = z
  .object({ owner: text(200), kind: z.enum(ACTION_KINDS).default("prevent"), description: text(2000) })
  .strict();
export const PostmortemTimelineEntrySchema = z.object({ at: z.string().max(40), text: z.string().max(2000) }).strict();

export const PostmortemDraftSchema = z
  .object({
    summary: text(4000),
    impact: text(4000),
    timeline: z.array(PostmortemTimelineEntrySchema).max(300).default([]),
    rootCause: text(8000),
    trigger: text(4000),
    contributingFactors: text(8000),
    detection: text(4000),
    resolution: text(4000),
    wentWell: text(4000),
    wentBadly: text(4000),
    gotLucky: text(4000),
    actionItems: z.array(ActionItemSchema).max(50).default([]),
  })
  .strict();
export type PostmortemContent = z.infer<typeof PostmortemDraftSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const EMPTY_POSTMORTEM: PostmortemContent = PostmortemDraftSchema.parse({});

const REQUIRED: { field: keyof PostmortemContent; message: string }[] = [
  { field: "summary", message: "Summarise what happened in two or three sentences." },
  { field: "impact", message: "Say who was affected, how badly and for how long." },
  { field: "rootCause", message: "Explain the root cause, not just the symptom." },
  { field: "trigger", message: "Say what triggered the incident." },
  { field: "detection", message: "Say how the incident was detected." },
  { field: "resolution", message: "Say what resolved it." },
  { field: "wentWell", message: "Name at least one thing that went well." },
  { field: "wentBadly", message: "Name at least one thing that went badly." },
];

/** Field → message for every missing section; nested fields use dotted paths (`actionItems.0.owner`). */
export function missingPostmortemFields(content: PostmortemContent): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of REQUIRED) {
    const v = content[field];
    if (typeof v === "string" && v.trim() === "") out[field] = message;
  }
  const entries = content.timeline.filter((e) => e.text.trim() !== "");
  if (entries.length < 2)
    out.timeline = "Keep at least two timeline entries (when it began and when it was mitigated).";
  content.timeline.forEach((e, i) => {
    if (e.text.trim() !== "" && Number.isNaN(Date.parse(e.at)))
      out[`timeline.${i}.at`] = "Give this entry a valid time.";
  });
  if (content.actionItems.length === 0) out.actionItems = "Add at least one action item.";
  content.actionItems.forEach((a, i) => {
    if (a.owner.trim() === "") out[`actionItems.${i}.owner`] = "Name an owner (a person or a team).";
    if (a.description.trim() === "") out[`actionItems.${i}.description`] = "Describe the action.";
  });
  if (
    content.actionItems.length > 0 &&
    !content.actionItems.some((a) => a.kind === "prevent" || a.kind === "mitigate")
  ) {
    out.actionItems = "Include at least one action that prevents a recurrence or limits its impact.";
  }
  return out;
}
