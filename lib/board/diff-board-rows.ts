/** Which board rows changed since the last push: only those travel to the facilitators' browsers. */
import type { BoardRow, BoardRowsMessage } from "./board-row";

const KEYS = [
  "attemptId",
  "kind",
  "team",
  "gameDay",
  "level",
  "category",
  "startedAt",
  "status",
  "severity",
  "environment",
  "successRate",
  "checksTried",
  "hintsUsed",
  "lastActivityAt",
  "orchestratorReachable",
] as const satisfies readonly (keyof BoardRow)[];

// A field added to BoardRow and forgotten here would never reach the board: make that a type error.
type Unchecked = Exclude<keyof BoardRow, (typeof KEYS)[number] | "players">;
const everyFieldCompared: [Unchecked] extends [never] ? true : Unchecked = true;
void everyFieldCompared;

export function sameRow(a: BoardRow, b: BoardRow): boolean {
  if (KEYS.some((k) => a[k] !== b[k])) return false;
  return a.players.length === b.players.length && a.players.every((p, i) => p === b.players[i]);
}

/** `next` is the whole board now; `previous` what the watchers last got. */
export function diffBoardRows(previous: ReadonlyMap<string, BoardRow>, next: readonly BoardRow[]): BoardRowsMessage {
  const seen = new Set<string>();
  const rows: BoardRow[] = [];
  for (const row of next) {
    seen.add(row.attemptId);
    const before = previous.get(row.attemptId);
    if (!before || !sameRow(before, row)) rows.push(row);
  }
  const removed = [...previous.keys()].filter((id) => !seen.has(id));
  return { rows, removed };
}
