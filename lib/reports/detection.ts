/**
 * Time to detect runs from the incident's start until the first thing in the
 * room that shows someone saw it: the explicit "Acknowledge" action, the first
 * field written in the incident report, or a severity set by a facilitator,
 * whichever comes first. It is not moved by later signals. Pure.
 */
import type { ReportContent } from "./report-schema";

export type DetectionSignal = "acknowledged" | "report" | "severity";

export const DETECTION_SIGNALS: Record<DetectionSignal, string> = {
  acknowledged: "acknowledged the incident",
  report: "first wrote in the incident report",
  severity: "a facilitator set the severity",
};

/** The detection moment after a signal at `at`: the first one wins. */
export function detectedAtAfter(current: Date | null, at: Date): Date {
  return current && current <= at ? current : at;
}

/** Whether a report holds anything a person wrote or chose (a save of an empty form does not count). */
export function reportShowsDetection(report: ReportContent): boolean {
  return Object.values(report).some((v) => {
    if (typeof v === "string") return v.trim() !== "";
    if (Array.isArray(v)) return v.some((item) => typeof item.text === "string" && item.text.trim() !== "");
    return false;
  });
}
