/**
 * The facts plan-demand.ts turns into the pools' forecast, from the database: the levels a start
 * may deal that the orchestrator pools, recent solo training starts, training assignments of a
 * named level nobody has started yet, and game days about to begin. Assignments that deal their
 * level at the start (a category, a random one), certification ones (never pooled) and older
 * whole-team rows without an assignee are not forecast; random picks cover them.
 */
import type { PoolDemand } from "../contracts/orchestrator-api";
import { defaultDeps, type Deps } from "../core/deps";
import { LevelManifestSchema } from "../levels/manifest-schema";
import {
  DUE_AHEAD_MS,
  GAME_DAY_AHEAD_MS,
  GAME_DAY_HOLD_MS,
  NEW_ASSIGNMENT_MS,
  RECENT_STARTS_MS,
  planDemand,
  type DemandFacts,
} from "./plan-demand";

/** The orchestrator pools the level (a manifest that no longer validates cannot be started at all). */
function pooled(manifest: unknown): boolean {
  const m = LevelManifestSchema.safeParse(manifest);
  return m.success && m.data.pool !== "off";
}

export async function forecastPoolDemand(deps: Deps = defaultDeps()): Promise<PoolDemand> {
  const now = deps.now();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const ahead = (ms: number) => new Date(now.getTime() + ms);
  const [levels, starts, assignments, gameDays] = await Promise.all([
    deps.db.level.findMany({ where: { enabled: true }, select: { id: true, manifest: true }, orderBy: { id: "asc" } }),
    deps.db.attempt.findMany({
      where: { kind: "SOLO", playMode: "TRAINING", startedAt: { gt: ago(RECENT_STARTS_MS), lte: now } },
      select: { levelId: true, startedById: true, startedAt: true },
    }),
    deps.db.assignment.findMany({
      where: {
        completedAt: null,
        pick: "LEVEL",
        playMode: "TRAINING",
        levelId: { not: null },
        assignee: { disabledAt: null },
        // Started already (under way, handed in, graded): no second environment. Abandoned or failed: again.
        attempts: { none: { status: { notIn: ["ABANDONED", "FAILED"] } } },
        OR: [
          { dueAt: { gt: now, lte: ahead(DUE_AHEAD_MS) } },
          { dueAt: null, createdAt: { gt: ago(NEW_ASSIGNMENT_MS) } },
        ],
      },
      select: { levelId: true, assigneeId: true, dueAt: true, createdAt: true },
    }),
    deps.db.gameDay.findMany({
      where: { status: "SCHEDULED", scheduledAt: { gt: ago(GAME_DAY_HOLD_MS), lte: ahead(GAME_DAY_AHEAD_MS) } },
      select: { title: true, levelId: true, scheduledAt: true },
    }),
  ]);
  const facts: DemandFacts = {
    poolableLevelIds: levels.filter((l) => pooled(l.manifest)).map((l) => l.id),
    recentStarts: starts.map((s) => ({ levelId: s.levelId, userId: s.startedById, startedAt: s.startedAt })),
    openAssignments: assignments.flatMap((a) =>
      a.levelId && a.assigneeId
        ? [{ levelId: a.levelId, assigneeId: a.assigneeId, dueAt: a.dueAt, createdAt: a.createdAt }]
        : [],
    ),
    gameDays,
  };
  return planDemand(facts, now);
}
