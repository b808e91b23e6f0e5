/**
 * "Check my fix": the level's check runs in the environment; the verdict is
 * recorded; a pass mitigates the incident (the clock stops).
 */
import type { Actor } from "../auth/actor";
import type { CheckResult } from "../contracts/orchestrator-api";
import { AppError } from "../errors";
import { recordEvent } from "../timeline/record-event";
import { authorizeAttempt } from "./attempt-access";
import { defaultDeps, type Deps } from "./deps";

export async function checkFix(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<CheckResult & { mitigated: boolean }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  if (attempt.status !== "ACTIVE") {
    throw new AppError(
      "CONFLICT",
      attempt.status === "MITIGATED" ? "The fix already passed its check." : "The incident is not open.",
    );
  }
  const envId = attempt.environment?.id;
  if (!envId || attempt.environment?.state !== "READY") throw new AppError("CONFLICT", "The environment is not ready.");
  const result = await deps.orchestrator.check(envId);
  const now = deps.now();
  const mitigated = await deps.db.$transaction(async (tx) => {
    await tx.attempt.update({ where: { id: attemptId }, data: { checksTried: { increment: 1 } } });
    await recordEvent(tx, { attemptId, kind: "CHECK", data: result, actorId: actor.id, at: now });
    if (!result.passed) return false;
    const moved = await tx.attempt.updateMany({
      where: { id: attemptId, status: "ACTIVE" },
      data: { status: "MITIGATED", mitigatedAt: now },
    });
    return moved.count === 1;
  });
  return { ...result, mitigated };
}
