/**
 * The terminal recordings of an attempt, from the orchestrator that recorded
 * them (they outlive the environment). Anyone who may read the attempt may
 * list them; an attempt whose environment never existed has none.
 */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import type { RecordingSummary } from "../contracts/orchestrator-api";

export interface AttemptRecording extends RecordingSummary {
  /** Where the browser fetches (and downloads) it. */
  url: string;
  /** `<attempt>-<instance>-<session>.cast` */
  fileName: string;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");

export function recordingFileName(attemptId: string, instance: string | null, session: string): string {
  return `${safe(attemptId)}-${safe(instance ?? "shell")}-${safe(session)}.cast`;
}

export function toAttemptRecording(attemptId: string, r: RecordingSummary): AttemptRecording {
  return {
    ...r,
    url: `/api/attempts/${encodeURIComponent(attemptId)}/recordings/${encodeURIComponent(r.session)}`,
    fileName: recordingFileName(attemptId, r.instance, r.session),
  };
}

/** For a use-case that has already authorised: the recordings of the attempt's environment. */
export async function recordingsOf(
  deps: Deps,
  attemptId: string,
  envId: string | null | undefined,
): Promise<AttemptRecording[]> {
  if (!envId) return [];
  const { recordings } = await deps.orchestrator.listRecordings(envId);
  return recordings.map((r) => toAttemptRecording(attemptId, r));
}

export async function listAttemptRecordings(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<AttemptRecording[]> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  return recordingsOf(deps, attempt.id, attempt.environment?.id);
}
