/**
 * Assignments an actor may see (facilitators and admins all, a lead their
 * teams'), newest first, each with its state (overdue, due soon, open, done)
 * and the attempt it started. Filters: a person, a team, a state.
 */
import type { Prisma } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { assignmentLabel, assignmentState, type AssignmentState } from "./assignment-status";
import { assignScope } from "./assignment-scope";

export interface AssignmentView {
  id: string;
  label: string;
  assignee: { id: string; name: string } | null;
  team: string | null;
  assignedBy: string;
  note: string;
  dueAt: string | null;
  createdAt: string;
  completedAt: string | null;
  state: AssignmentState;
  attempt: { id: string; status: string } | null;
}

export interface AssignmentFilters {
  userId?: string;
  teamId?: string;
  state?: "open" | "overdue" | "done";
}

export async function listAssignments(
  actor: Actor,
  filters: AssignmentFilters = {},
  deps: Deps = defaultDeps(),
): Promise<AssignmentView[]> {
  const scope = await assignScope(deps.db, actor);
  const now = deps.now();
  const where: Prisma.AssignmentWhereInput[] = [];
  if (scope.teamIds !== null) where.push({ assignee: scope.people });
  if (filters.userId) where.push({ assigneeId: filters.userId });
  if (filters.teamId) where.push({ OR: [{ teamId: filters.teamId }, { assignee: { teamId: filters.teamId } }] });
  if (filters.state === "done") where.push({ completedAt: { not: null } });
  if (filters.state === "open") where.push({ completedAt: null });
  if (filters.state === "overdue") where.push({ completedAt: null, dueAt: { lt: now } });
  const rows = await deps.db.assignment.findMany({
    where: { AND: where },
    orderBy: [{ completedAt: { sort: "desc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }],
    take: 300,
    include: {
      level: { select: { title: true } },
      assignee: { select: { id: true, name: true } },
      team: { select: { name: true } },
      assignedBy: { select: { name: true } },
      attempts: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true } },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    label: assignmentLabel({
      pick: a.pick,
      levelTitle: a.level?.title ?? null,
      category: a.category,
      playMode: a.playMode,
    }),
    assignee: a.assignee,
    team: a.team?.name ?? null,
    assignedBy: a.assignedBy.name,
    note: a.note,
    dueAt: a.dueAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    completedAt: a.completedAt?.toISOString() ?? null,
    state: assignmentState(a, now),
    attempt: a.attempts[0] ?? null,
  }));
}
