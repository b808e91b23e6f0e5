"use client";
/**
 * The facilitators' live board: every attempt in play, updated as it changes
 * (the server sends only changed rows). Sort by idle time, time running or
 * success rate; filter by text; watch an attempt (its room shows the players'
 * terminals read-only) or send its players a message.
 */
import Link from "next/link";
import { Fragment, useMemo, useState } from "react";
import { Badge, type Tone } from "@/components/Badge";
import { Button, buttonClass } from "@/components/Button";
import { EmptyState } from "@/components/EmptyState";
import { Field } from "@/components/Field";
import { cx } from "@/components/cx";
import { useLiveConnected } from "@/components/live/use-live";
import { useNow } from "@/components/use-now";
import { elapsedSeconds, idleSeconds, type BoardRow } from "@/lib/board/board-row";
import {
  DEFAULT_DIRECTION,
  filterBoardRows,
  formatSeconds,
  sortBoardRows,
  type BoardSortKey,
  type SortDirection,
} from "@/lib/board/sort-board-rows";
import { Plain, SortHeader } from "./BoardHeaders";
import { CoachForm } from "./CoachForm";
import { useBoard } from "./use-board";

const COLUMNS = 10;
/** Idle longer than this is worth a look. */
const IDLE_WARN_S = 5 * 60;

function successTone(rate: number | null): Tone {
  if (rate === null) return "slate";
  if (rate >= 0.99) return "green";
  if (rate >= 0.9) return "ember";
  return "red";
}

const STATUS_TONE: Record<BoardRow["status"], Tone> = { PROVISIONING: "slate", ACTIVE: "ember", MITIGATED: "green" };

export function LiveBoard() {
  const connected = useLiveConnected();
  const { rows, loaded, problem } = useBoard();
  const now = useNow(1000);
  const [sort, setSort] = useState<{ key: BoardSortKey; dir: SortDirection }>({ key: "idle", dir: "desc" });
  const [filter, setFilter] = useState("");
  const [messaging, setMessaging] = useState<string | null>(null);

  const sorted = useMemo(() => sortBoardRows(filterBoardRows(rows, filter), sort.key, sort.dir), [rows, filter, sort]);
  // While the pointer is over the table (or a message is being written) rows keep their places, so the row
  // under the cursor is the one clicked; new rows join at the end and the order catches up on leaving.
  const [held, setHeld] = useState<string[] | null>(null);
  const shown = useMemo(() => {
    if (held === null) return sorted;
    const place = new Map(held.map((id, i) => [id, i]));
    const at = (id: string) => place.get(id) ?? Number.MAX_SAFE_INTEGER;
    return [...sorted].sort((a, b) => at(a.attemptId) - at(b.attemptId));
  }, [sorted, held]);
  const orchestratorDown = rows.some((r) => !r.orchestratorReachable);
  const onSort = (key: BoardSortKey) => {
    const next: typeof sort =
      sort.key === key ? { key, dir: sort.dir === "asc" ? "desc" : "asc" } : { key, dir: DEFAULT_DIRECTION[key] };
    setSort(next);
    // Asking for an order is asking to see it now; it is then held like any other.
    if (held !== null)
      setHeld(sortBoardRows(filterBoardRows(rows, filter), next.key, next.dir).map((r) => r.attemptId));
  };

  return (
    <div className="space-y-4" data-testid="live-board">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="w-full max-w-sm">
          <Field
            label="Filter"
            placeholder="Player, team, level, status…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            data-testid="board-filter"
          />
        </div>
        <div className="flex items-center gap-3 text-sm" role="status" aria-live="polite">
          <span data-testid="board-connection">
            {connected ? (
              <Badge tone="green">Live</Badge>
            ) : loaded ? (
              <Badge tone="ember">Reconnecting… (showing the last update)</Badge>
            ) : (
              <Badge tone="slate">Connecting…</Badge>
            )}
          </span>
          <span className="text-slate-500" data-testid="board-count">
            {rows.length} in play{filter ? `, ${shown.length} shown` : ""}
          </span>
        </div>
      </div>
      {problem && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {problem}
        </p>
      )}
      {orchestratorDown && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The environment service is not answering: environment states are the last known ones; success rates and idle
          times are unknown until it is back.
        </p>
      )}
      {!loaded ? (
        <p className="text-sm text-slate-500">{connected ? "Loading the board…" : "Connecting to the live board…"}</p>
      ) : rows.length === 0 ? (
        <EmptyState title="Nobody is playing right now">
          Attempts appear here the moment a player or team starts a level, and leave when they submit or abandon.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title="No attempt matches the filter">Clear the filter to see all {rows.length}.</EmptyState>
      ) : (
        <div
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
          onPointerEnter={() => setHeld(shown.map((r) => r.attemptId))}
          onPointerLeave={() => {
            if (messaging === null) setHeld(null);
          }}
          data-testid="board-table"
          data-order-held={held !== null ? "true" : "false"}
        >
          <table className="min-w-full divide-y divide-slate-200 text-left text-xs">
            <caption className="sr-only">Attempts in play, updated live</caption>
            <thead>
              <tr>
                <Plain>Level</Plain>
                <Plain>Who</Plain>
                <Plain>Status</Plain>
                <SortHeader label="Time" sortKey="time" sort={sort} onSort={onSort} />
                <Plain>Environment</Plain>
                <SortHeader label="Success" sortKey="success" sort={sort} onSort={onSort} />
                <Plain>Checks</Plain>
                <Plain>Hints</Plain>
                <SortHeader label="Idle" sortKey="idle" sort={sort} onSort={onSort} />
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((r) => {
                const idle = idleSeconds(r, now);
                return (
                  <Fragment key={r.attemptId}>
                    <tr data-testid="board-row" data-attempt-id={r.attemptId} className="hover:bg-slate-50/70">
                      <th scope="row" className="px-2 py-2 text-left font-medium text-slate-900">
                        {r.level}
                        <span className="block font-normal text-slate-500">
                          {r.category}
                          {r.gameDay ? ` · ${r.gameDay}` : ""}
                        </span>
                      </th>
                      <td className="px-2 py-2 text-slate-700">
                        {r.players.join(", ") || "—"}
                        <span className="block text-slate-500">{r.team ?? (r.kind === "SOLO" ? "Solo" : "Team")}</span>
                      </td>
                      <td className="px-2 py-2">
                        <Badge tone={STATUS_TONE[r.status]}>{r.status.toLowerCase()}</Badge>
                        {r.severity && <span className="ml-1 text-slate-600">{r.severity}</span>}
                      </td>
                      <td className="whitespace-nowrap px-2 py-2 tabular-nums text-slate-700">
                        {formatSeconds(elapsedSeconds(r, now))}
                      </td>
                      <td className="px-2 py-2 text-slate-700" data-testid="board-env">
                        {r.environment ?? "—"}
                      </td>
                      <td className="px-2 py-2 tabular-nums" data-testid="board-success">
                        <Badge tone={successTone(r.successRate)}>
                          {r.successRate === null ? "—" : `${(r.successRate * 100).toFixed(1)} %`}
                        </Badge>
                      </td>
                      <td className="px-2 py-2 tabular-nums text-slate-700" data-testid="board-checks">
                        {r.checksTried}
                      </td>
                      <td className="px-2 py-2 tabular-nums text-slate-700" data-testid="board-hints">
                        {r.hintsUsed}
                      </td>
                      <td
                        className={cx(
                          "whitespace-nowrap px-2 py-2 tabular-nums",
                          idle !== null && idle >= IDLE_WARN_S ? "font-semibold text-amber-700" : "text-slate-700",
                        )}
                        data-testid="board-idle"
                      >
                        {idle === null ? "—" : formatSeconds(idle)}
                      </td>
                      <td className="whitespace-nowrap px-2 py-2 text-right">
                        <Link
                          href={`/attempts/${r.attemptId}`}
                          className={buttonClass("secondary", "sm", "h-7 px-2 text-xs")}
                          data-testid="board-watch"
                        >
                          Watch
                        </Link>{" "}
                        <Link
                          href={`/assignments?attempt=${encodeURIComponent(r.attemptId)}#assign`}
                          className={buttonClass("ghost", "sm", "h-7 px-2 text-xs")}
                          data-testid="board-assign"
                          aria-label={`Assign a level to ${r.players.join(", ") || "these players"}`}
                        >
                          Assign
                        </Link>{" "}
                        <Button
                          size="sm"
                          variant={messaging === r.attemptId ? "primary" : "ghost"}
                          className="h-7 px-2 text-xs"
                          aria-expanded={messaging === r.attemptId}
                          onClick={() => setMessaging((m) => (m === r.attemptId ? null : r.attemptId))}
                          data-testid="board-message"
                        >
                          Message
                        </Button>
                      </td>
                    </tr>
                    {messaging === r.attemptId && (
                      <tr className="bg-slate-50">
                        <td colSpan={COLUMNS} className="px-3 py-3">
                          <div className="max-w-xl">
                            <CoachForm attemptId={r.attemptId} autoFocus onCancel={() => setMessaging(null)} />
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
