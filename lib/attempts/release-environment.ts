/** Tears the attempt's environment down (best effort: the orchestrator reaps what it cannot delete now). */
import { isAppError } from "../errors";
import type { Deps } from "../core/deps";

export async function releaseEnvironment(deps: Deps, attemptId: string): Promise<void> {
  const row = await deps.db.environment.findUnique({ where: { attemptId } });
  if (!row || row.state === "DESTROYED") return;
  try {
    await deps.orchestrator.destroyEnvironment(row.id);
  } catch (err) {
    if (!isAppError(err)) throw err;
    if (err.code !== "NOT_FOUND") {
      await deps.db.environment.update({ where: { id: row.id }, data: { error: `Teardown pending: ${err.message}` } });
      return;
    }
  }
  await deps.db.environment.update({ where: { id: row.id }, data: { state: "DESTROYED", destroyedAt: deps.now() } });
}
