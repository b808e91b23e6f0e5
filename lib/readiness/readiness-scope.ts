/**
 * Whom a lead or admin may see on the readiness page, and which attempts. A
 * lead: the members of the teams they lead, and those members' attempts made
 * in those teams; and people without a team, with their attempts made without
 * one (exactly the attempts they can open, lib/auth/assert-can.ts). An admin:
 * everyone. Anyone else: FORBIDDEN.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import type { ReadinessFilter } from "./period";

export interface ReadinessScope {
  teams: { id: string; name: string }[];
  /** Leads and admins may pick "people without a team". */
  canSeeTeamless: boolean;
  /** Admins: "all" is everyone; a lead's "all" is the teams they lead. */
  seesEveryone: boolean;
  people: Prisma.UserWhereInput;
  attempts: Prisma.AttemptWhereInput;
}

export async function readinessScope(db: PrismaClient, actor: Actor, filter: ReadinessFilter): Promise<ReadinessScope> {
  assertAllowed(actor, "lead");
  const admin = actor.role === "ADMIN";
  const teams = await db.team.findMany({
    where: admin ? {} : { leadId: actor.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const ids = teams.map((t) => t.id);
  if (filter.team === "none") {
    if (admin) return { teams, canSeeTeamless: true, seesEveryone: admin, people: { teamId: null }, attempts: {} };
    const reached = { OR: [{ teamId: null }, { teamId: { in: ids } }] };
    return {
      teams,
      canSeeTeamless: true,
      seesEveryone: admin,
      people: { teamId: null },
      attempts: { teamId: null, members: { every: { user: reached } } },
    };
  }
  if (filter.team !== "all" && !ids.includes(filter.team)) throw new AppError("NOT_FOUND", "No such team.");
  const chosen = filter.team === "all" ? ids : [filter.team];
  if (admin && filter.team === "all")
    return { teams, canSeeTeamless: true, seesEveryone: admin, people: {}, attempts: {} };
  return {
    teams,
    canSeeTeamless: true,
    seesEveryone: admin,
    people: { teamId: { in: chosen } },
    attempts: admin ? {} : { teamId: { in: chosen } },
  };
}
