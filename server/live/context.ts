/**
 * What every live handler gets: the database, the socket.io server (to emit
 * to rooms) and the board feed (to mark an attempt's row stale). Room names
 * are made here only, so a typo cannot open a room nobody checks.
 */
import type { PrismaClient } from "@prisma/client";
import type { Server } from "socket.io";
import type { Actor } from "../../lib/auth/actor";
import type { BoardRow } from "../../lib/board/board-row";

export interface BoardFeed {
  /** Re-read these attempts' rows and push them to the board within a second. */
  markDirty(attemptId: string): void;
  /** The board as its watchers last got it, for a new watcher to start from. */
  snapshot?(): Promise<BoardRow[]>;
  stop(): void;
}

export interface LiveContext {
  db: PrismaClient;
  io: Server;
  board: BoardFeed;
}

export interface LiveSocketData {
  actor: Actor;
  /** Per joined attempt: "rw" for its players, "ro" for watchers (set by attempt:join). */
  modes?: Record<string, "rw" | "ro">;
}

export const rooms = {
  /** Everyone allowed to watch one attempt (players, facilitators, its team's lead). */
  attempt: (attemptId: string) => `attempt:${attemptId}`,
  /** Facilitators and admins watching the live board. */
  board: () => "board",
  /** Every socket of one signed-in person. */
  user: (userId: string) => `user:${userId}`,
  /** Every socket of one team's members. */
  team: (teamId: string) => `team:${teamId}`,
} as const;
