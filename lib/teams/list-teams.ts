import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";

export async function listTeams(actor: Actor, deps: Deps = defaultDeps()) {
  const { db } = deps;
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
