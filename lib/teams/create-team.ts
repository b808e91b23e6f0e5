import { Prisma } from "@prisma/client";
import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { OptionalIdSchema } from "../users/schemas";
import { assertCanLead } from "./assert-can-lead";
import { defaultDeps, type Deps } from "../core/deps";

export const CreateTeamSchema = z.object({
  name: z.string().trim().min(1, "Enter a team name").max(80, "Keep it under 80 characters"),
  leadId: OptionalIdSchema,
});

export async function createTeam(actor: Actor, input: z.infer<typeof CreateTeamSchema>, deps: Deps = defaultDeps()) {
  const { db } = deps;
  assertAllowed(actor, "admin");
  const { name, leadId } = input;
  if (leadId) await assertCanLead(db, leadId);
  try {
    return await db.team.create({ data: { name, leadId }, select: { id: true, name: true } });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("CONFLICT", "A team with that name exists.", { name: "Already taken" });
    }
    throw err;
  }
}
