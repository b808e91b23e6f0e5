import { type PrismaClient } from "@prisma/client";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";

export async function listTeams(db: PrismaClient, actor: Actor) {
  assertAllowed(actor, "admin");
  return db.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      lead: { select: { id: true, name: true, email: true } },
      members: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, role: true, disabledAt: true },
      },
    },
  });
}
