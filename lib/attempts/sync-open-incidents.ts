/**
 * Folds every open incident's SLI into its attempt (error budget, SLI events)
 * from the web process on a timer, so the budget keeps burning while nobody
 * has the room open. The room's own refresh does the same for the attempt it
 * shows; `syncSli` moves a cursor, so the two never count a sample twice.
 */
import { defaultDeps, type Deps } from "../core/deps";
import { syncSli } from "./sync-sli";
import { PLAYING } from "../core/attempt-status";

export interface SyncResult {
  synced: number;
  failed: { attemptId: string; message: string }[];
}

export async function syncOpenIncidents(deps: Deps = defaultDeps()): Promise<SyncResult> {
  const open = await deps.db.attempt.findMany({
    where: { status: { in: [...PLAYING] }, environment: { state: "READY" } },
    select: { id: true, environment: { select: { id: true } } },
  });
  const result: SyncResult = { synced: 0, failed: [] };
  for (const a of open) {
    if (!a.environment) continue;
    try {
      await syncSli(deps, a.id, await deps.orchestrator.sli(a.environment.id));
      result.synced++;
    } catch (err) {
      result.failed.push({ attemptId: a.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}

/** Every `everyMs`, one pass at a time; failures are logged once per attempt and message. */
export function startIncidentSyncTimer(everyMs = 20_000, deps?: Deps): { stop(): void } {
  let running = false;
  const reported = new Map<string, string>();
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    syncOpenIncidents(deps)
      .then((r) => {
        for (const f of r.failed) {
          if (reported.get(f.attemptId) !== f.message) console.warn(`sli sync: ${f.attemptId}: ${f.message}`);
          reported.set(f.attemptId, f.message);
        }
      })
      .catch((err: unknown) => console.error("sli sync: the timer failed", err))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
