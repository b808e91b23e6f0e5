/**
 * A member posts to the incident channel: a chat message or a status update,
 * optionally answering a stakeholder's message. It lands on the timeline and
 * everyone in the room sees it at once.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { AppError } from "../errors";
import { readEventData } from "../timeline/event-data";
import { recordEvent } from "../timeline/record-event";
import { authorizeLiveRoom } from "./authorize-live-room";

export const PostMessageSchema = z
  .object({
    attemptId: z.string().min(1).max(64),
    kind: z.enum(["CHAT", "STATUS_UPDATE"]).default("CHAT"),
    text: z.string().trim().min(1, "Write a message first.").max(2000, "Keep it under 2000 characters."),
    /** The stakeholder's message (an INJECT event) this answers. */
    replyTo: z.string().min(1).max(64).optional(),
  })
  .strict();
export type PostMessageInput = z.input<typeof PostMessageSchema>;

export async function postMessage(
  actor: Actor,
  input: PostMessageInput,
  deps: Deps = defaultDeps(),
): Promise<{ eventId: string }> {
  const { attemptId, kind, text, replyTo } = PostMessageSchema.parse(input);
  await authorizeLiveRoom(deps.db, actor, attemptId, { closed: "The incident is over: the channel is closed." });
  if (replyTo) {
    const asked = await deps.db.timelineEvent.findFirst({ where: { id: replyTo, attemptId, kind: "INJECT" } });
    if (readEventData("INJECT", asked?.data)?.kind !== "stakeholder")
      throw new AppError("INVALID_INPUT", "That is not a stakeholder's message in this incident.");
  }
  return deps.db.$transaction(async (tx) => {
    const data = { text, ...(replyTo ? { replyTo } : {}) };
    const event = await recordEvent(tx, { attemptId, kind, data, actorId: actor.id, at: deps.now() });
    return { eventId: event.id };
  });
}
