import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { OptionalIdSchema } from "./schemas";
import { defaultDeps, type Deps } from "../core/deps";

export const SetUserTeamSchema = z.object({ userId: z.string().min(1), teamId: OptionalIdSchema });

/** Puts a person into a team, or (teamId empty) out of any. */
export async function setUserTeam(actor: Actor, input: z.infer<typeof SetUserTeamSchema>, deps: Deps = defaultDeps()) {
  const { db } = deps;
  assertAllowed(actor, "admin");
  const { userId, teamId } = input;
  const [user, team] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { id: true } }),
    teamId ? db.team.findUnique({ where: { id: teamId }, select: { id: true } }) : null,
  ]);
  if (!user) throw new AppError("NOT_FOUND", "No such person.");
  if (teamId && !team) throw new AppError("NOT_FOUND", "No such team.", { teamId: "Choose another team" });
  return db.user.update({ where: { id: userId }, data: { teamId }, select: { id: true, teamId: true } });
}
