import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { OptionalIdSchema } from "../users/schemas";
import { assertCanLead } from "./assert-can-lead";
import { defaultDeps, type Deps } from "../core/deps";

export const SetTeamLeadSchema = z.object({ teamId: z.string().min(1), leadId: OptionalIdSchema });

export async function setTeamLead(actor: Actor, input: z.infer<typeof SetTeamLeadSchema>, deps: Deps = defaultDeps()) {
  const { db } = deps;
  assertAllowed(actor, "admin");
  const { teamId, leadId } = input;
  if (!(await db.team.findUnique({ where: { id: teamId }, select: { id: true } })))
    throw new AppError("NOT_FOUND", "No such team.");
  if (leadId) await assertCanLead(db, leadId);
  return db.team.update({ where: { id: teamId }, data: { leadId }, select: { id: true, leadId: true } });
}
