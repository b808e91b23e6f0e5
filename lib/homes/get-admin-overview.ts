import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";

export async function getAdminOverview(actor: Actor, deps: Deps = defaultDeps()) {
  const { db } = deps;
  const now = deps.now();
  assertAllowed(actor, "admin");
  const [byRole, disabled, teams, activeSessions, pendingInvites] = await Promise.all([
    db.user.groupBy({ by: ["role"], where: { disabledAt: null }, _count: { _all: true } }),
    db.user.count({ where: { disabledAt: { not: null } } }),
    db.team.count(),
    db.session.count({ where: { revokedAt: null, expiresAt: { gt: now } } }),
    db.invite.findMany({
      where: { acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
    }),
  ]);
  const roles = Object.fromEntries(byRole.map((r) => [r.role, r._count._all])) as Partial<Record<string, number>>;
  return { roles, disabled, teams, activeSessions, pendingInvites };
}
