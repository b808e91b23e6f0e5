/**
 * The merge rules of each shared document: which fields are choices (replaced
 * whole) rather than free text. Used by the server when a save arrives late
 * and by the browser when a teammate's save arrives mid-typing.
 */
import type { PostmortemContent } from "../postmortems/postmortem-schema";
import type { ReportContent } from "../reports/report-schema";
import { mergeContent } from "./merge-content";

export type CollabDoc = "report" | "postmortem";

const REPORT_CHOICES = ["severity", "detectedAt", "outcome", "at"] as const;
const POSTMORTEM_CHOICES = ["kind", "at"] as const;

export function mergeReport(base: ReportContent, mine: ReportContent, theirs: ReportContent): ReportContent {
  return mergeContent(base, mine, theirs, { atomic: REPORT_CHOICES });
}

export function mergePostmortem(
  base: PostmortemContent,
  mine: PostmortemContent,
  theirs: PostmortemContent,
): PostmortemContent {
  return mergeContent(base, mine, theirs, { atomic: POSTMORTEM_CHOICES });
}
