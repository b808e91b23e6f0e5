/** The board's sorting and filtering, pure so the browser and the unit tests share it. */
import type { BoardRow } from "./board-row";

export type BoardSortKey = "idle" | "time" | "success";
export type SortDirection = "asc" | "desc";

/** Each key's natural first look: the idlest, the longest running, the worst off. */
export const DEFAULT_DIRECTION: Record<BoardSortKey, SortDirection> = { idle: "desc", time: "desc", success: "asc" };

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** Ascending value per key (idle: seconds idle; time: seconds running); null sorts last either way. */
function value(row: BoardRow, key: BoardSortKey): number | null {
  if (key === "success") return row.successRate;
  const at = key === "idle" ? ms(row.lastActivityAt) : ms(row.startedAt);
  return at === null ? null : -at; // older timestamp = longer idle / running
}

export function sortBoardRows(rows: readonly BoardRow[], key: BoardSortKey, dir: SortDirection): BoardRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, key);
    const vb = value(b, key);
    if (va === null || vb === null) return va === vb ? a.attemptId.localeCompare(b.attemptId) : va === null ? 1 : -1;
    return va === vb ? a.attemptId.localeCompare(b.attemptId) : (va - vb) * sign;
  });
}

/** Every word must appear in the row's players, team, game day, level, category, status or environment. */
export function filterBoardRows(rows: readonly BoardRow[], text: string): BoardRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = [...r.players, r.team, r.gameDay, r.level, r.category, r.status, r.environment, r.severity]
      .filter(Boolean)
      .join(" ")
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** "45s", "12m 05s", "2h 03m". */
export function formatSeconds(s: number): string {
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}
