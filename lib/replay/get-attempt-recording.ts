/**
 * One terminal recording of an attempt, as asciicast v2 text with the file
 * name to download it under. Same access as listing; the session id is checked
 * before it reaches the orchestrator.
 */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../attempts/attempt-access";
import { defaultDeps, type Deps } from "../attempts/deps";
import { RECORDING_ID, instanceOf } from "../contracts/asciicast";
import { AppError } from "../errors";
import { recordingFileName } from "./list-attempt-recordings";
import { parseCastHeader } from "./parse-cast";

export async function getAttemptRecording(
  actor: Actor,
  attemptId: string,
  session: string,
  deps: Deps = defaultDeps(),
): Promise<{ cast: string; fileName: string }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const envId = attempt.environment?.id;
  if (!RECORDING_ID.test(session) || !envId) throw new AppError("NOT_FOUND", "No such recording.");
  const cast = await deps.orchestrator.getRecording(envId, session);
  const header = parseCastHeader(cast);
  return { cast, fileName: recordingFileName(attempt.id, header ? instanceOf(header) : null, session) };
}
