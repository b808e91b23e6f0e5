/**
 * Everything the replay page needs on one time axis: the attempt's bounds,
 * its timeline events and its recordings' metadata (the casts themselves are
 * fetched by the browser). The timeline replays even when the orchestrator
 * cannot be reached; the page then says why the terminals are missing.
 */
import type { Actor } from "../auth/actor";
import { authorizeAttempt, type AttemptMode } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { isAppError } from "../errors";
import { listEventViews, type TimelineEventView } from "../timeline/event-view";
import { recordingsOf, type AttemptRecording } from "./list-attempt-recordings";
import { replayBounds, type ReplayBounds } from "./replay-bounds";
import { isIn, OPEN } from "../core/attempt-status";

export interface ReplayView {
  mode: AttemptMode;
  attempt: {
    id: string;
    status: string;
    levelTitle: string;
    players: string[];
    startedAt: string;
    mitigatedAt: string | null;
    endedAt: string | null;
  };
  bounds: ReplayBounds;
  events: TimelineEventView[];
  recordings: AttemptRecording[];
  /** Why the recordings could not be listed (the orchestrator is unreachable…), or null. */
  recordingsError: string | null;
}

export async function loadReplay(actor: Actor, attemptId: string, deps: Deps = defaultDeps()): Promise<ReplayView> {
  const { attempt, mode } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const events = await listEventViews(deps.db, attempt.id);
  let recordings: AttemptRecording[] = [];
  let recordingsError: string | null = null;
  try {
    recordings = await recordingsOf(deps, attempt.id, attempt.environment?.id);
  } catch (err) {
    if (!isAppError(err)) throw err;
    recordingsError = err.message;
  }
  const bounds = replayBounds({
    startedAt: attempt.startedAt,
    endedAt: attempt.endedAt,
    mitigatedAt: attempt.mitigatedAt,
    open: isIn(OPEN, attempt.status),
    now: deps.now(),
    eventTimes: events.map((e) => e.at),
    recordings,
  });
  return {
    mode,
    attempt: {
      id: attempt.id,
      status: attempt.status,
      levelTitle: attempt.level.title,
      players: attempt.members.map((m) => m.user.name),
      startedAt: attempt.startedAt.toISOString(),
      mitigatedAt: attempt.mitigatedAt?.toISOString() ?? null,
      endedAt: attempt.endedAt?.toISOString() ?? null,
    },
    bounds,
    events,
    recordings,
    recordingsError,
  };
}
