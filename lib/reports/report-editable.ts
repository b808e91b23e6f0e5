import type { AttemptStatus } from "@prisma/client";
import { AppError } from "../errors";
import { isIn, REPORT_OPEN } from "../core/attempt-status";

/** The report can be written while the incident runs and until it is submitted (or after it is returned). */
export function assertReportEditable(status: AttemptStatus, report: { submittedAt: Date | null } | null): void {
  if (!isIn(REPORT_OPEN, status))
    throw new AppError("CONFLICT", "This incident is closed; its report can no longer change.");
  if (report?.submittedAt)
    throw new AppError(
      "CONFLICT",
      "The report has been submitted; it can change again only if a facilitator returns it.",
    );
}
