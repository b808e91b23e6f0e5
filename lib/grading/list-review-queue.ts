/** The facilitators' queue: submitted postmortems, oldest first, and the latest graded ones. */
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../attempts/deps";
import { AppError } from "../errors";

export interface QueueItem {
  attemptId: string;
  levelTitle: string;
  category: string;
  players: string[];
  submittedAt: string | null;
  status: string;
  percent: number | null;
}

export async function listReviewQueue(
  actor: Actor,
  deps: Deps = defaultDeps(),
): Promise<{ waiting: QueueItem[]; recent: QueueItem[] }> {
  if (actor.role !== "FACILITATOR" && actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only facilitators review postmortems.");
  const include = {
    level: { select: { title: true, category: true } },
    members: { include: { user: { select: { name: true } } } },
    postmortem: { select: { submittedAt: true } },
    grades: { orderBy: { createdAt: "desc" as const }, take: 1, select: { percent: true } },
  };
  const [waiting, recent] = await Promise.all([
    deps.db.attempt.findMany({ where: { status: "SUBMITTED" }, include, orderBy: { endedAt: "asc" } }),
    deps.db.attempt.findMany({
      where: { status: { in: ["GRADED", "RETURNED"] } },
      include,
      orderBy: { updatedAt: "desc" },
      take: 15,
    }),
  ]);
  const view = (a: (typeof waiting)[number]): QueueItem => ({
    attemptId: a.id,
    levelTitle: a.level.title,
    category: a.level.category,
    players: a.members.map((m) => m.user.name),
    submittedAt: a.postmortem?.submittedAt?.toISOString() ?? null,
    status: a.status,
    percent: a.grades[0]?.percent ?? null,
  });
  return { waiting: waiting.map(view), recent: recent.map(view) };
}
