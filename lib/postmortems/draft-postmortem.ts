/**
 * The first draft a player sees: the timeline from what the attempt recorded,
 * and the sections the incident report already answers. Pure.
 */
import type { ReportContent } from "../reports/report-schema";
import { prefillTimeline } from "../timeline/prefill-timeline";
import type { TimelineEventLike } from "../timeline/describe-event";
import { EMPTY_POSTMORTEM, type PostmortemContent } from "./postmortem-schema";

export function draftPostmortem(input: {
  startedAt: Date;
  mitigatedAt: Date | null;
  events: TimelineEventLike[];
  report: ReportContent | null;
}): PostmortemContent {
  return {
    ...EMPTY_POSTMORTEM,
    impact: input.report?.impact ?? "",
    detection: input.report?.detectedHow ?? "",
    resolution: input.report?.mitigation ?? "",
    timeline: prefillTimeline(input),
  };
}
