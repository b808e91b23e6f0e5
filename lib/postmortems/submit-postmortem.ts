/**
 * The player hands in the postmortem. What they typed is saved first, whatever
 * happens; then every missing section is reported by field, or the attempt goes
 * to the facilitators' queue and its environment is released (and a game
 * day's incident handed in ends the game day).
 */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import type { SaveDocInput } from "../collab/resolve-save";
import { releaseEnvironment } from "../attempts/release-environment";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { recordEvent } from "../timeline/record-event";
import { missingPostmortemFields, type PostmortemContent } from "./postmortem-schema";
import { savePostmortem } from "./save-postmortem";

export async function submitPostmortem(
  actor: Actor,
  attemptId: string,
  input: SaveDocInput<PostmortemContent>,
  deps: Deps = defaultDeps(),
): Promise<{ version: number }> {
  const saved = await savePostmortem(actor, attemptId, input, deps);
  const { version } = saved;
  // A save merged with a teammate's is judged as merged, not as this writer sent it.
  const missing = missingPostmortemFields(saved.content ?? input.content);
  const report = await deps.db.incidentReport.findUnique({ where: { attemptId }, select: { submittedAt: true } });
  if (!report?.submittedAt) missing.report = "Submit the incident report first (Report tab).";
  if (Object.keys(missing).length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      `Your draft is saved, but ${Object.keys(missing).length} section(s) still need work.`,
      {
        ...missing,
        version: String(version),
      },
    );
  }
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    await tx.postmortem.update({ where: { attemptId }, data: { status: "SUBMITTED", submittedAt: now } });
    await tx.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED", endedAt: now } });
    await recordEvent(tx, {
      attemptId,
      kind: "SYSTEM",
      data: { message: "Postmortem submitted for grading" },
      actorId: actor.id,
      at: now,
    });
    await publishLive(tx, { type: "doc-submitted", attemptId, doc: "postmortem", byUserId: actor.id });
    await publishLive(tx, { type: "attempt-changed", attemptId });
    // A team's postmortem handed in is the end of its game day.
    const gameDay = attempt.gameDayId
      ? await tx.gameDay.findUnique({ where: { id: attempt.gameDayId }, select: { id: true, teamId: true } })
      : null;
    if (gameDay) {
      const ended = await tx.gameDay.updateMany({
        where: { id: gameDay.id, status: "RUNNING" },
        data: { status: "ENDED", endedAt: now },
      });
      if (ended.count === 1) await publishLive(tx, { type: "game-day", gameDayId: gameDay.id, teamId: gameDay.teamId });
    }
  });
  await releaseEnvironment(deps, attemptId);
  return { version };
}
