"use client";
/**
 * The board's rows, live: a snapshot when watching starts (again after every
 * reconnect, replacing whatever was missed), then only the rows that changed.
 */
import { useEffect, useMemo, useState } from "react";
import { liveRequest, liveSocket } from "@/components/live/live-socket";
import type { BoardRow, BoardRowsMessage } from "@/lib/board/board-row";

export function useBoard(): { rows: BoardRow[]; loaded: boolean; problem: string | null } {
  const [rows, setRows] = useState<Map<string, BoardRow>>(() => new Map());
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const s = liveSocket();
    // Watch again after every reconnect: the snapshot replaces whatever was missed meanwhile.
    const watch = () => {
      void liveRequest<{ rows: BoardRow[] }>("board:watch", {}).then((r) => {
        if (!r.ok) return setProblem(r.error.message);
        setRows(new Map(r.data.rows.map((row) => [row.attemptId, row])));
        setLoaded(true);
        setProblem(null);
      });
    };
    const onRows = (m: BoardRowsMessage) =>
      setRows((prev) => {
        const next = new Map(prev);
        for (const id of m.removed) next.delete(id);
        for (const row of m.rows) next.set(row.attemptId, row);
        return next;
      });
    const onClosed = (m: { message?: string }) => setProblem(m.message ?? "You can no longer watch the board.");
    s.on("connect", watch);
    s.on("board:rows", onRows);
    s.on("board:closed", onClosed);
    if (s.connected) watch();
    return () => {
      s.off("connect", watch);
      s.off("board:rows", onRows);
      s.off("board:closed", onClosed);
      if (s.connected) void liveRequest("board:unwatch", {});
    };
  }, []);
  return { rows: useMemo(() => [...rows.values()], [rows]), loaded, problem };
}
