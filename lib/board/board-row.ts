/**
 * One line of the facilitators' live board: who plays what, since when, and
 * how it goes. Pure data (no Prisma runtime import) so the browser uses it too.
 * Idle time and elapsed time are derived from timestamps at display time, so a
 * row changes only when something about the attempt does.
 */
import { LIVE } from "../core/attempt-status";

export const BOARD_STATUSES = LIVE;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export interface BoardRow {
  attemptId: string;
  kind: "SOLO" | "TEAM";
  players: string[];
  team: string | null;
  gameDay: string | null;
  level: string;
  category: string;
  startedAt: string;
  status: BoardStatus;
  severity: string | null;
  /** The orchestrator's state of the environment when it answers, else the web app's last known one. */
  environment: string | null;
  /** The mock client's current success rate, 0..1, to 0.1 %; null when unknown. */
  successRate: number | null;
  checksTried: number;
  hintsUsed: number;
  /** The orchestrator's last activity in the environment (commands, checks, terminals); null when unknown. */
  lastActivityAt: string | null;
  orchestratorReachable: boolean;
}

/** What the board room receives: changed or new rows, and attempts that left the board. */
export interface BoardRowsMessage {
  rows: BoardRow[];
  removed: string[];
}

export function idleSeconds(row: Pick<BoardRow, "lastActivityAt">, now: number): number | null {
  if (!row.lastActivityAt) return null;
  return Math.max(0, Math.floor((now - Date.parse(row.lastActivityAt)) / 1000));
}

export function elapsedSeconds(row: Pick<BoardRow, "startedAt">, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(row.startedAt)) / 1000));
}
