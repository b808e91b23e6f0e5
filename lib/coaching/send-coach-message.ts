/**
 * A facilitator (or admin) who may watch an attempt sends its players a hint
 * or a message while they play. It is kept on the timeline as a NOTE (the
 * postmortem and grading see that help was given) and pushed to the room at
 * once; both bus messages go out only if the note is written.
 */
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { authorizeAttempt } from "../core/attempt-access";
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { recordEvent } from "../timeline/record-event";
import { isIn, LIVE } from "../core/attempt-status";

export const CoachMessageSchema = z
  .object({
    attemptId: z.string().min(1).max(64),
    kind: z.enum(["hint", "message"]),
    text: z.string().trim().min(1, "Write something to send.").max(2000, "Keep it under 2000 characters."),
  })
  .strict();
export type CoachMessageInput = z.infer<typeof CoachMessageSchema>;

export async function sendCoachMessage(
  db: PrismaClient,
  actor: Actor,
  input: CoachMessageInput,
): Promise<{ eventId: string; at: string }> {
  assertAllowed(actor, "facilitate");
  const { attempt } = await authorizeAttempt(db, actor, input.attemptId, "read");
  if (!isIn(LIVE, attempt.status)) throw new AppError("CONFLICT", "This attempt is no longer in play.");
  if (input.kind === "hint" && attempt.playMode === "CERTIFICATION")
    throw new AppError("CONFLICT", "This is a certification attempt: no hints. A message is still possible.");
  const at = new Date();
  const event = await db.$transaction(async (tx) => {
    const e = await recordEvent(tx, {
      attemptId: attempt.id,
      kind: "NOTE",
      data: { text: input.text, kind: input.kind, from: actor.name },
      actorId: actor.id,
      at,
    });
    await publishLive(tx, {
      type: "coach",
      attemptId: attempt.id,
      kind: input.kind,
      from: actor.name,
      text: input.text,
      at: at.toISOString(),
    });
    return e;
  });
  return { eventId: event.id, at: at.toISOString() };
}
