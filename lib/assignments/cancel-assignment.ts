/** Withdraws an assignment not yet done (whoever may assign to its person may withdraw it). */
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { AppError } from "../errors";
import { assignScope } from "./assignment-scope";

export async function cancelAssignment(actor: Actor, assignmentId: string, deps: Deps = defaultDeps()): Promise<void> {
  const scope = await assignScope(deps.db, actor);
  const found = await deps.db.assignment.findFirst({
    where: { id: assignmentId, ...(scope.teamIds === null ? {} : { assignee: scope.people }) },
    select: { id: true, completedAt: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "No such assignment.");
  if (found.completedAt) throw new AppError("CONFLICT", "This assignment is done; it stays on record.");
  await deps.db.assignment.delete({ where: { id: found.id } });
}
