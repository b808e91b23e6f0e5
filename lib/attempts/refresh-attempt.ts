/**
 * What the incident room polls: the environment's provisioning state (`waitMs`: held until
 * its next change, so "ready" reaches the room when it happens) and, once the incident runs,
 * the SLI folded into the record. The orchestrator being away is reported in the answer, not
 * thrown, so the room keeps working.
 */
import type { Actor } from "../auth/actor";
import type { EnvironmentView, SliSample } from "../contracts/orchestrator-api";
import { isAppError } from "../errors";
import { applyEnvironmentView } from "./apply-environment-view";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { syncSli } from "./sync-sli";

export interface RoomState {
  status: string;
  startedAt: string;
  mitigatedAt: string | null;
  /** When the time-to-detect clock stopped (lib/reports/detection.ts); null while it runs. */
  detectedAt: string | null;
  hintsUsed: number;
  checksTried: number;
  budgetBurned: number;
  environment: {
    id: string;
    state: string;
    stage: string | null;
    error: string | null;
    stages: EnvironmentView["stages"];
    instances: EnvironmentView["instances"];
  } | null;
  sli: SliSample | null;
  /** Recent samples, when asked for (the room seeds its chart with them). */
  sliHistory: SliSample[];
  warning: string | null;
}

export async function refreshAttempt(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
  opts: { history?: boolean; waitMs?: number } = {},
): Promise<RoomState> {
  const { attempt, mode } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const envRow = attempt.environment;
  let view: EnvironmentView | null = null;
  let sli: SliSample | null = null;
  let sliHistory: SliSample[] = [];
  let warning: string | null = null;
  const live = envRow && envRow.state !== "DESTROYED" && !(envRow.state === "FAILED" && attempt.status === "FAILED");
  if (envRow && live) {
    try {
      // While it provisions, a room may wait for its next change (a stage, ready) rather than poll for it.
      const waitMs = envRow.state === "PROVISIONING" ? (opts.waitMs ?? 0) : 0;
      view = await deps.orchestrator.getEnvironment(envRow.id, undefined, { waitMs });
      await applyEnvironmentView(deps, attempt.id, view);
      if (view.state === "ready") {
        const sliView = await deps.orchestrator.sli(envRow.id);
        sli = sliView.current;
        if (opts.history) sliHistory = sliView.history.slice(-240);
        // Watchers see the SLI; only players' rooms write it into the record.
        if (mode === "rw") await syncSli(deps, attempt.id, sliView);
      }
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === "NOT_FOUND") {
        await deps.db.environment.update({
          where: { id: envRow.id },
          data: { state: "DESTROYED", destroyedAt: deps.now() },
        });
      }
      warning = err.message;
    }
  }
  const fresh = await deps.db.attempt.findUniqueOrThrow({ where: { id: attempt.id }, include: { environment: true } });
  return {
    status: fresh.status,
    startedAt: fresh.startedAt.toISOString(),
    mitigatedAt: fresh.mitigatedAt?.toISOString() ?? null,
    detectedAt: fresh.detectedAt?.toISOString() ?? null,
    hintsUsed: fresh.hintsUsed,
    checksTried: fresh.checksTried,
    budgetBurned: fresh.budgetBurned,
    environment: fresh.environment
      ? {
          id: fresh.environment.id,
          state: fresh.environment.state,
          stage: fresh.environment.stage,
          error: fresh.environment.error,
          stages: view?.stages ?? [],
          instances: view?.instances ?? [],
        }
      : null,
    sli,
    sliHistory,
    warning,
  };
}
