/**
 * Starts every scheduled game day whose time has come (run by the web server
 * every 15 s). One failure does not stop the others; each is reported.
 */
import { defaultDeps, type Deps } from "../core/deps";
import { isAppError } from "../errors";
import { launchGameDay } from "./start-game-day";

export interface DueResult {
  started: { gameDayId: string; attemptId: string }[];
  failed: { gameDayId: string; message: string }[];
}

export async function startDueGameDays(deps: Deps = defaultDeps()): Promise<DueResult> {
  const due = await deps.db.gameDay.findMany({
    where: { status: "SCHEDULED", scheduledAt: { lte: deps.now() } },
    select: { id: true, facilitatorId: true },
    orderBy: { scheduledAt: "asc" },
    take: 20,
  });
  const result: DueResult = { started: [], failed: [] };
  for (const g of due) {
    try {
      const { attemptId } = await launchGameDay(deps, g.id, g.facilitatorId);
      result.started.push({ gameDayId: g.id, attemptId });
    } catch (err) {
      if (!isAppError(err)) throw err;
      result.failed.push({ gameDayId: g.id, message: err.message });
    }
  }
  return result;
}

/** The web server's timer: one run at a time, failures logged, stopped on shutdown. */
export function startGameDayTimer(everyMs = 15_000, deps?: Deps): { stop(): void } {
  let running = false;
  // A game day that cannot start (its level was disabled…) is retried each tick but reported once.
  const reported = new Map<string, string>();
  const tick = () => {
    if (running) return;
    running = true;
    startDueGameDays(deps)
      .then((r) => {
        for (const s of r.started) console.log(`game days: started ${s.gameDayId} (attempt ${s.attemptId})`);
        for (const f of r.failed) {
          if (reported.get(f.gameDayId) !== f.message)
            console.warn(`game days: could not start ${f.gameDayId}: ${f.message}`);
          reported.set(f.gameDayId, f.message);
        }
      })
      .catch((err: unknown) => console.error("game days: the start timer failed", err))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
