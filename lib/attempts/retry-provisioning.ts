/**
 * After a failed provisioning the player asks again. The failed environment is
 * released and a fresh one (a new id, so the orchestrator starts clean) is made.
 */
import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { provisionEnvironment } from "./provision-environment";
import { releaseEnvironment } from "./release-environment";
import { publishLive } from "../bus/publish";

export async function retryProvisioning(actor: Actor, attemptId: string, deps: Deps = defaultDeps()): Promise<void> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  if (attempt.status !== "FAILED") throw new AppError("CONFLICT", "Only a failed environment can be retried.");
  await releaseEnvironment(deps, attemptId);
  const envId = `env-${attempt.id}-${randomBytes(2).toString("hex")}`;
  await deps.db.$transaction([
    deps.db.environment.deleteMany({ where: { attemptId } }),
    deps.db.environment.create({ data: { id: envId, attemptId } }),
    deps.db.attempt.update({ where: { id: attemptId }, data: { status: "PROVISIONING" } }),
  ]);
  await publishLive(deps.db, { type: "attempt-changed", attemptId });
  await provisionEnvironment(deps, attempt, envId);
}
