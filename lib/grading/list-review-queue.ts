/**
 * The facilitators' queue: submitted postmortems, oldest first, and the latest
 * graded ones; filtered by assignment ("assigned" for any, or one assignment),
 * team (the attempt's or a player's) and level.
 */
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { AppError } from "../errors";
import { assignmentLabel } from "../assignments/assignment-status";
import { REVIEWED } from "../core/attempt-status";

export const ReviewFiltersSchema = z.object({
  assignment: z.string().trim().max(64).optional(),
  teamId: z.string().trim().max(64).optional(),
  levelId: z.string().trim().max(64).optional(),
});
export type ReviewFilters = z.infer<typeof ReviewFiltersSchema>;

export interface QueueItem {
  attemptId: string;
  assignment: { id: string; label: string; dueAt: string | null } | null;
  team: string | null;
  levelTitle: string;
  category: string;
  players: string[];
  submittedAt: string | null;
  status: string;
  percent: number | null;
}

export async function listReviewQueue(
  actor: Actor,
  filterInput: ReviewFilters = {},
  deps: Deps = defaultDeps(),
): Promise<{ waiting: QueueItem[]; recent: QueueItem[] }> {
  if (actor.role !== "FACILITATOR" && actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only facilitators review postmortems.");
  const filters = ReviewFiltersSchema.parse(filterInput);
  const where: Prisma.AttemptWhereInput[] = [];
  if (filters.assignment === "assigned") where.push({ assignmentId: { not: null } });
  else if (filters.assignment === "unassigned") where.push({ assignmentId: null });
  else if (filters.assignment) where.push({ assignmentId: filters.assignment });
  if (filters.teamId)
    where.push({ OR: [{ teamId: filters.teamId }, { members: { some: { user: { teamId: filters.teamId } } } }] });
  if (filters.levelId) where.push({ levelId: filters.levelId });
  const include = {
    team: { select: { name: true } },
    assignment: {
      select: { id: true, pick: true, category: true, playMode: true, dueAt: true, level: { select: { title: true } } },
    },
    level: { select: { title: true, category: true } },
    members: { include: { user: { select: { name: true } } } },
    postmortem: { select: { submittedAt: true } },
    grades: { orderBy: { createdAt: "desc" as const }, take: 1, select: { percent: true } },
  };
  const [waiting, recent] = await Promise.all([
    deps.db.attempt.findMany({ where: { status: "SUBMITTED", AND: where }, include, orderBy: { endedAt: "asc" } }),
    deps.db.attempt.findMany({
      where: { status: { in: [...REVIEWED] }, AND: where },
      include,
      orderBy: { updatedAt: "desc" },
      take: 15,
    }),
  ]);
  const view = (a: (typeof waiting)[number]): QueueItem => ({
    attemptId: a.id,
    assignment: a.assignment
      ? {
          id: a.assignment.id,
          label: assignmentLabel({
            pick: a.assignment.pick,
            levelTitle: a.assignment.level?.title ?? null,
            category: a.assignment.category,
            playMode: a.assignment.playMode,
          }),
          dueAt: a.assignment.dueAt?.toISOString() ?? null,
        }
      : null,
    team: a.team?.name ?? null,
    levelTitle: a.level.title,
    category: a.level.category,
    players: a.members.map((m) => m.user.name),
    submittedAt: a.postmortem?.submittedAt?.toISOString() ?? null,
    status: a.status,
    percent: a.grades[0]?.percent ?? null,
  });
  return { waiting: waiting.map(view), recent: recent.map(view) };
}
