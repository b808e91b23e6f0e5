/**
 * One terminal recording of an attempt, as an asciicast v2 stream (passed on to
 * the browser as it arrives, never loaded whole) with the file name to download
 * it under. Same access as listing; the session id is checked before it
 * reaches the orchestrator.
 */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { RECORDING_ID, instanceOf } from "../contracts/asciicast";
import { AppError } from "../errors";
import { recordingFileName } from "./list-attempt-recordings";
import { parseCastHeader } from "./parse-cast";
import { peekFirstLine } from "./peek-first-line";

export async function getAttemptRecording(
  actor: Actor,
  attemptId: string,
  session: string,
  deps: Deps = defaultDeps(),
): Promise<{ body: ReadableStream<Uint8Array>; bytes: number | null; fileName: string }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const envId = attempt.environment?.id;
  if (!RECORDING_ID.test(session) || !envId) throw new AppError("NOT_FOUND", "No such recording.");
  const { body, bytes } = await deps.orchestrator.getRecording(envId, session);
  const peeked = await peekFirstLine(body);
  const header = parseCastHeader(peeked.firstLine);
  return {
    body: peeked.body,
    bytes,
    fileName: recordingFileName(attempt.id, header ? instanceOf(header) : null, session),
  };
}
