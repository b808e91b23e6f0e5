/**
 * "Check my fix": the level's check runs in the environment; the verdict is
 * recorded; a pass mitigates the incident (the clock stops). Checks are rate-limited
 * per attempt (one at a time, one per CHECK_INTERVAL_MS) and counted; a check that
 * could not judge (unjudged) is recorded but not counted as a try. Its start is
 * recorded too (timeline/check-runs.ts), so the SLI sync knows a dip meanwhile
 * is the check's own.
 */
import type { Actor } from "../auth/actor";
import type { CheckResult } from "../contracts/orchestrator-api";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { recordEvent } from "../timeline/record-event";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";

export const CHECK_INTERVAL_MS = 10_000;

/** Attempts whose check is running in this process: a second click waits for the first verdict. */
const running = new Set<string>();

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
  if (running.has(attemptId)) throw new AppError("RATE_LIMITED", "A check is already running: wait for its verdict.");
  const last = await deps.db.timelineEvent.findFirst({
    where: { attemptId, kind: "CHECK" },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const wait = last ? CHECK_INTERVAL_MS - (deps.now().getTime() - last.at.getTime()) : 0;
  if (wait > 0)
    throw new AppError("RATE_LIMITED", `Checks run at most once every 10 s: try again in ${Math.ceil(wait / 1000)} s.`);

  running.add(attemptId);
  const startedAt = deps.now();
  let result: CheckResult;
  try {
    // The start is on the timeline before the check runs: an SLI dip the check causes meanwhile is known as its own.
    await recordEvent(deps.db, {
      attemptId,
      kind: "SYSTEM",
      data: { message: `${actor.name} started a fix check`, check: "started" },
      actorId: actor.id,
      at: startedAt,
    });
    result = await deps.orchestrator.check(envId);
  } finally {
    running.delete(attemptId);
  }
  // The verdict always follows its start on the timeline, even when the clock cannot tell them apart.
  const now = new Date(Math.max(deps.now().getTime(), startedAt.getTime() + 1));
  const mitigated = await deps.db.$transaction(async (tx) => {
    if (!result.unjudged)
      await tx.attempt.update({ where: { id: attemptId }, data: { checksTried: { increment: 1 } } });
    await recordEvent(tx, { attemptId, kind: "CHECK", data: result, actorId: actor.id, at: now });
    // Teammates' rooms and the board re-read the attempt now, not at their next poll (was up to 10 s).
    await publishLive(tx, { type: "attempt-changed", attemptId });
    if (!result.passed || result.unjudged) return false;
    const moved = await tx.attempt.updateMany({
      where: { id: attemptId, status: "ACTIVE" },
      data: { status: "MITIGATED", mitigatedAt: now },
    });
    return moved.count === 1;
  });
  return { ...result, mitigated };
}
