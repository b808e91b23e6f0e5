/**
 * Whom an actor may assign to and see assignments of: facilitators and admins
 * everyone, a lead the members of the teams they lead, anyone else nobody.
 * Returned as a Prisma filter on users, so every use-case applies the same scope.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";

export interface AssignScope {
  /** Null: everyone. */
  teamIds: string[] | null;
  people: Prisma.UserWhereInput;
}

export async function assignScope(db: PrismaClient, actor: Actor): Promise<AssignScope> {
  assertAllowed(actor, "assign");
  if (actor.role !== "LEAD") return { teamIds: null, people: {} };
  const teams = await db.team.findMany({ where: { leadId: actor.id }, select: { id: true } });
  const teamIds = teams.map((t) => t.id);
  return { teamIds, people: { teamId: { in: teamIds } } };
}

/** Who can be given a level to play: enabled accounts whose role plays. */
export const CAN_PLAY: Prisma.UserWhereInput = { disabledAt: null, role: { in: ["PLAYER", "ADMIN"] } };
