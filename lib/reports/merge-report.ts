/**
 * The report's merge rule: which fields are choices (replaced whole) rather
 * than free text. Used by the server when a save arrives late and by the
 * browser when a teammate's save arrives mid-typing.
 */
import { mergeContent } from "../collab/merge-content";
import type { ReportContent } from "./report-schema";

const REPORT_CHOICES = ["severity", "detectedAt", "outcome", "at"] as const;

export function mergeReport(base: ReportContent, mine: ReportContent, theirs: ReportContent): ReportContent {
  return mergeContent(base, mine, theirs, { atomic: REPORT_CHOICES });
}
