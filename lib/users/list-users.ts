import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";

export async function listUsers(actor: Actor, deps: Deps = defaultDeps()) {
  const { db } = deps;
  const now = deps.now();
  assertAllowed(actor, "admin");
  const users = await db.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      team: { select: { id: true, name: true } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
    },
  });
  return users.map(({ _count, ...u }) => ({ ...u, activeSessions: _count.sessions }));
}
