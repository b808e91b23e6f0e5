/**
 * The board's rows: the attempts in play (PROVISIONING, ACTIVE, MITIGATED),
 * read from the database, merged with the orchestrator's snapshot. The feed
 * keeps the database part per attempt and re-reads only what changed, so the
 * two halves are separate functions here.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import { BOARD_STATUSES, type BoardRow, type BoardStatus } from "./board-row";
import { UNREACHABLE, type OrchestratorSnapshot } from "./orchestrator-snapshot";

const select = {
  id: true,
  kind: true,
  status: true,
  severity: true,
  startedAt: true,
  checksTried: true,
  hintsUsed: true,
  level: { select: { title: true, category: true } },
  team: { select: { name: true } },
  gameDay: { select: { title: true } },
  members: { select: { user: { select: { name: true } } }, orderBy: { joinedAt: "asc" } },
  environment: { select: { id: true, state: true } },
  // The game's own activity (chat, status updates, checks, roles; writing the report or postmortem).
  events: { orderBy: { at: "desc" }, take: 1, select: { at: true } },
  report: { select: { updatedAt: true } },
  postmortem: { select: { updatedAt: true } },
} as const satisfies Prisma.AttemptSelect;

export type BoardFacts = Prisma.AttemptGetPayload<{ select: typeof select }>;

/** Active attempts, all of them or only `ids` (an id not in play is simply absent). */
export async function readBoardFacts(db: PrismaClient, ids?: readonly string[]): Promise<BoardFacts[]> {
  return db.attempt.findMany({
    where: { status: { in: [...BOARD_STATUSES] }, ...(ids ? { id: { in: [...ids] } } : {}) },
    orderBy: { startedAt: "asc" },
    select,
  });
}

/** The latest of the terminals' activity (orchestrator) and the team's activity in the game itself. */
function lastActivity(f: BoardFacts, terminals: string | null | undefined): string | null {
  const times = [terminals, f.events[0]?.at, f.report?.updatedAt, f.postmortem?.updatedAt]
    .map((t) => (t === null || t === undefined ? NaN : new Date(t).getTime()))
    .filter((t) => !Number.isNaN(t));
  return times.length > 0 ? new Date(Math.max(...times)).toISOString() : null;
}

export function composeBoardRow(f: BoardFacts, snap: OrchestratorSnapshot): BoardRow {
  const view = snap.views.get(f.id);
  const envId = view?.id ?? f.environment?.id;
  const rate = envId ? snap.samples[envId]?.successRate : undefined;
  return {
    attemptId: f.id,
    kind: f.kind,
    players: f.members.map((m) => m.user.name),
    team: f.team?.name ?? null,
    gameDay: f.gameDay?.title ?? null,
    level: f.level.title,
    category: f.level.category,
    startedAt: f.startedAt.toISOString(),
    status: f.status as BoardStatus,
    severity: f.severity,
    environment: view?.state ?? f.environment?.state.toLowerCase() ?? null,
    // Rounded so sub-0.1 % jitter in the mock client's window does not re-send the row every second.
    successRate: rate === null || rate === undefined ? null : Math.round(rate * 1000) / 1000,
    checksTried: f.checksTried,
    hintsUsed: f.hintsUsed,
    lastActivityAt: lastActivity(f, view?.lastActivityAt),
    orchestratorReachable: snap.reachable,
  };
}

export async function loadBoardRows(
  db: PrismaClient,
  snap: OrchestratorSnapshot = UNREACHABLE,
  ids?: readonly string[],
): Promise<BoardRow[]> {
  return (await readBoardFacts(db, ids)).map((f) => composeBoardRow(f, snap));
}
