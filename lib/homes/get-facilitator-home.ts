import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { LIVE } from "../core/attempt-status";
import { defaultDeps, type Deps } from "../core/deps";

const attemptRow = {
  id: true,
  kind: true,
  status: true,
  startedAt: true,
  level: { select: { title: true, category: true } },
  team: { select: { name: true } },
  members: { select: { user: { select: { name: true } } } },
  postmortem: { select: { submittedAt: true } },
} as const;

/** What a facilitator watches: attempts in play and work waiting for a grade. */
export async function getFacilitatorHome(actor: Actor, deps: Deps = defaultDeps()) {
  const { db } = deps;
  assertAllowed(actor, "facilitate");
  const [active, review] = await Promise.all([
    db.attempt.findMany({
      where: { status: { in: [...LIVE] } },
      orderBy: { startedAt: "desc" },
      take: 100,
      select: attemptRow,
    }),
    db.attempt.findMany({
      where: { status: "SUBMITTED" },
      orderBy: { updatedAt: "asc" },
      take: 100,
      select: attemptRow,
    }),
  ]);
  const shape = (a: (typeof active)[number]) => ({
    id: a.id,
    kind: a.kind,
    status: a.status,
    startedAt: a.startedAt,
    submittedAt: a.postmortem?.submittedAt ?? null,
    level: a.level.title,
    category: a.level.category,
    team: a.team?.name ?? null,
    players: a.members.map((m) => m.user.name),
  });
  return { active: active.map(shape), review: review.map(shape) };
}
