/** "Assign" from the live board: the people of an attempt the actor may watch, to tick in the assign form. */
import { authorizeAttempt } from "../core/attempt-access";
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { isAppError } from "../errors";

export async function presetFromAttempt(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<string[]> {
  try {
    const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "read");
    return attempt.members.map((m) => m.userId);
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") return [];
    throw err;
  }
}
