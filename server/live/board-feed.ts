/**
 * The live server's board feed. Twice a second it asks the orchestrator for
 * every environment and every SLI sample (two requests, however many
 * attempts); attempts marked dirty (bus messages) are re-read from the
 * database within ~25 ms, and all of them every few seconds (a lost bus message
 * or a new attempt shows up anyway). Only rows that changed travel, as
 * `board:rows` { rows, removed }, to the board room.
 */
import { orchestrator as realOrchestrator } from "../../lib/orchestrator-client/client";
import { rooms, type BoardFeed, type LiveContext } from "./context";
import type { BoardRow, BoardRowsMessage } from "../../lib/board/board-row";
import { diffBoardRows } from "../../lib/board/diff-board-rows";
import { composeBoardRow, readBoardFacts, type BoardFacts } from "../../lib/board/load-board-rows";
import {
  fetchOrchestratorSnapshot,
  UNREACHABLE,
  type BoardOrchestrator,
  type OrchestratorSnapshot,
} from "../../lib/board/orchestrator-snapshot";

export interface BoardFeedOptions {
  orchestrator?: BoardOrchestrator;
  tickMs?: number;
  /** Re-read every active attempt from the database every this many ticks. */
  fullEveryTicks?: number;
  /** How long a dirty mark waits for others to share one database read. */
  flushDelayMs?: number;
}

export interface LiveBoardFeed extends BoardFeed {
  /** The board as its watchers last got it (waits for the first read). */
  snapshot(): Promise<BoardRow[]>;
}

export function createBoardFeed(ctx: Omit<LiveContext, "board">, opts: BoardFeedOptions = {}): LiveBoardFeed {
  const orch = opts.orchestrator ?? realOrchestrator;
  // Twice a second, so a success-rate change reaches the board within about a second end to end.
  const tickMs = opts.tickMs ?? 500;
  const fullEvery = opts.fullEveryTicks ?? 10;
  const flushDelay = opts.flushDelayMs ?? 25;

  const facts = new Map<string, BoardFacts>();
  const sent = new Map<string, BoardRow>();
  const dirty = new Set<string>();
  let snap: OrchestratorSnapshot = UNREACHABLE;
  let needFull = true;
  let stopped = false;
  let ticks = 0;
  let polling = false;
  let flushTimer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let flushAgain = false;

  const warn = (what: string, err: unknown) =>
    console.warn(`board: ${what}: ${err instanceof Error ? err.message : String(err)}`);

  async function flush(): Promise<void> {
    if (needFull) {
      needFull = false;
      dirty.clear();
      const all = await readBoardFacts(ctx.db);
      facts.clear();
      for (const f of all) facts.set(f.id, f);
    } else if (dirty.size > 0) {
      const ids = [...dirty];
      dirty.clear();
      const found = new Map((await readBoardFacts(ctx.db, ids)).map((f) => [f.id, f]));
      for (const id of ids) {
        const f = found.get(id);
        if (f) facts.set(id, f);
        else facts.delete(id); // no longer in play
      }
    }
    if (stopped) return;
    const now = [...facts.values()].map((f) => composeBoardRow(f, snap));
    const change: BoardRowsMessage = diffBoardRows(sent, now);
    for (const id of change.removed) sent.delete(id);
    for (const row of change.rows) sent.set(row.attemptId, row);
    if (change.rows.length > 0 || change.removed.length > 0) ctx.io.to(rooms.board()).emit("board:rows", change);
  }

  /** One flush at a time; marks arriving meanwhile are folded into one more. */
  function runFlush(): Promise<void> {
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    flushing = flush()
      .catch((err: unknown) => {
        needFull = true; // what was dirty is lost from the set: read everything next time
        warn("could not read the board", err);
      })
      .finally(() => {
        flushing = undefined;
        if (flushAgain && !stopped) {
          flushAgain = false;
          void runFlush();
        }
      });
    return flushing;
  }

  function requestFlush(delay: number): void {
    if (flushTimer || stopped) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      void runFlush();
    }, delay);
  }

  async function poll(): Promise<void> {
    if (polling) return; // a slow orchestrator must not pile up requests
    polling = true;
    try {
      snap = await fetchOrchestratorSnapshot(orch);
    } catch (err) {
      snap = UNREACHABLE;
      warn("orchestrator snapshot failed", err);
    } finally {
      polling = false;
    }
    requestFlush(0);
  }

  function tick(): void {
    ticks++;
    if (ticks % fullEvery === 0) needFull = true;
    void poll();
  }

  // The first board waits for the orchestrator at most one tick, then shows what the database knows.
  const first = Promise.race([poll(), new Promise((r) => setTimeout(r, tickMs).unref())]).then(() => runFlush());
  const interval = setInterval(tick, tickMs);
  interval.unref();

  return {
    markDirty(attemptId: string) {
      dirty.add(attemptId);
      requestFlush(flushDelay);
    },
    async snapshot() {
      await first;
      return [...sent.values()];
    },
    stop() {
      stopped = true;
      clearInterval(interval);
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = undefined;
    },
  };
}
