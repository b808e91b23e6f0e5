/**
 * A facilitator changes the incident's severity (usually raises it): the
 * attempt's severity, a SEVERITY event, and the team's report (its severity
 * field, so the report no longer says "Not declared yet"; teammates' forms
 * rebase onto it as onto any save).
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { detectedAtAfter } from "../reports/detection";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { fillReportSeverity } from "../reports/fill-report-severity";
import { SEVERITIES } from "../reports/report-schema";
import { recordEvent } from "../timeline/record-event";
import { authorizeInject } from "./authorize-inject";

export const RaiseSeveritySchema = z
  .object({ attemptId: z.string().min(1).max(64), severity: z.enum(SEVERITIES) })
  .strict();
export type RaiseSeverityInput = z.infer<typeof RaiseSeveritySchema>;

export async function raiseSeverity(
  actor: Actor,
  input: RaiseSeverityInput,
  deps: Deps = defaultDeps(),
): Promise<{ eventId: string }> {
  const { attemptId, severity } = RaiseSeveritySchema.parse(input);
  const attempt = await authorizeInject(deps.db, actor, attemptId);
  if (attempt.severity === severity) throw new AppError("CONFLICT", `The incident is already ${severity}.`);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    // A facilitator declaring a severity means the incident is known: the time-to-detect clock stops if it ran.
    await tx.attempt.update({
      where: { id: attemptId },
      data: { severity, detectedAt: detectedAtAfter(attempt.detectedAt, now) },
    });
    const event = await recordEvent(tx, {
      attemptId,
      kind: "SEVERITY",
      data: { severity, previous: attempt.severity },
      actorId: actor.id,
      at: now,
    });
    const version = await fillReportSeverity(tx, attemptId, severity);
    if (version !== null)
      await publishLive(tx, { type: "doc-saved", attemptId, doc: "report", version, byUserId: actor.id });
    await publishLive(tx, { type: "attempt-changed", attemptId });
    return { eventId: event.id };
  });
}
