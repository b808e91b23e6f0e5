/**
 * Game days as two audiences see them: facilitators see every one (upcoming
 * and running first, then the latest finished); a team member sees their own
 * team's scheduled and running ones, with the room to join.
 */
import type { Prisma } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";

export interface GameDayView {
  id: string;
  title: string;
  status: "SCHEDULED" | "RUNNING" | "ENDED" | "CANCELLED";
  scheduledAt: string;
  startedAt: string | null;
  endedAt: string | null;
  team: { id: string; name: string };
  /** Null: a random level (dealt at the start; the attempt's level once running). */
  level: { id: string; title: string } | null;
  facilitator: string;
  attempt: { id: string; status: string; level: string } | null;
  /** Scheduled and its time has come (the timer starts it within seconds). */
  due: boolean;
}

const include = {
  team: { select: { id: true, name: true } },
  level: { select: { id: true, title: true } },
  facilitator: { select: { name: true } },
  attempt: { select: { id: true, status: true, level: { select: { title: true } } } },
} as const satisfies Prisma.GameDayInclude;
type Row = Prisma.GameDayGetPayload<{ include: typeof include }>;

function toView(g: Row, now: Date): GameDayView {
  return {
    id: g.id,
    title: g.title,
    status: g.status,
    scheduledAt: g.scheduledAt.toISOString(),
    startedAt: g.startedAt?.toISOString() ?? null,
    endedAt: g.endedAt?.toISOString() ?? null,
    team: g.team,
    level: g.level,
    facilitator: g.facilitator.name,
    attempt: g.attempt ? { id: g.attempt.id, status: g.attempt.status, level: g.attempt.level.title } : null,
    due: g.status === "SCHEDULED" && g.scheduledAt <= now,
  };
}

export async function listGameDays(actor: Actor, deps: Deps = defaultDeps()): Promise<GameDayView[]> {
  assertAllowed(actor, "facilitate");
  const [open, closed] = await Promise.all([
    deps.db.gameDay.findMany({
      where: { status: { in: ["SCHEDULED", "RUNNING"] } },
      include,
      orderBy: { scheduledAt: "asc" },
    }),
    deps.db.gameDay.findMany({
      where: { status: { in: ["ENDED", "CANCELLED"] } },
      include,
      orderBy: { scheduledAt: "desc" },
      take: 20,
    }),
  ]);
  return [...open, ...closed].map((g) => toView(g, deps.now()));
}

/** The signed-in member's team's game days that are still to come or under way (none without a team). */
export async function listTeamGameDays(actor: Actor, deps: Deps = defaultDeps()): Promise<GameDayView[]> {
  if (!actor.teamId) return [];
  const rows = await deps.db.gameDay.findMany({
    where: { teamId: actor.teamId, status: { in: ["SCHEDULED", "RUNNING"] } },
    include,
    orderBy: { scheduledAt: "asc" },
  });
  return rows.map((g) => toView(g, deps.now()));
}
