import type { AttemptStatus, PostmortemStatus } from "@prisma/client";
import { AppError } from "../errors";
import { isIn, OPEN, WRITE_UP_OPEN } from "../core/attempt-status";

/** A postmortem is written after the fix passed its check, until it is submitted (again after a return). */
export function assertPostmortemEditable(attemptStatus: AttemptStatus, pmStatus: PostmortemStatus | undefined): void {
  if (!isIn(WRITE_UP_OPEN, attemptStatus)) {
    throw new AppError(
      "CONFLICT",
      isIn(OPEN, attemptStatus)
        ? "The postmortem opens once Check my fix has passed."
        : "This postmortem has been handed in; it can change again only if a facilitator returns it.",
    );
  }
  if (pmStatus === "SUBMITTED" || pmStatus === "GRADED")
    throw new AppError("CONFLICT", "This postmortem has been handed in.");
}
