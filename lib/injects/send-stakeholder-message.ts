/**
 * A facilitator plays a stakeholder (a VP, support, a customer) whose message
 * expects an answer within some minutes. Answers are channel messages that
 * reply to it; grading compares them with the deadline.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { recordEvent } from "../timeline/record-event";
import { authorizeInject } from "./authorize-inject";

export const StakeholderMessageSchema = z
  .object({
    attemptId: z.string().min(1).max(64),
    from: z.string().trim().min(1, "Say who is asking.").max(120, "Keep it under 120 characters."),
    message: z.string().trim().min(1, "Write the message.").max(2000, "Keep it under 2000 characters."),
    answerWithinMinutes: z.number().int().min(1, "At least 1 minute.").max(240, "At most 240 minutes."),
  })
  .strict();
export type StakeholderMessageInput = z.infer<typeof StakeholderMessageSchema>;

export async function sendStakeholderMessage(
  actor: Actor,
  input: StakeholderMessageInput,
  deps: Deps = defaultDeps(),
): Promise<{ eventId: string; dueAt: string }> {
  const { attemptId, from, message, answerWithinMinutes } = StakeholderMessageSchema.parse(input);
  await authorizeInject(deps.db, actor, attemptId);
  const now = deps.now();
  const dueAt = new Date(now.getTime() + answerWithinMinutes * 60_000).toISOString();
  return deps.db.$transaction(async (tx) => {
    const event = await recordEvent(tx, {
      attemptId,
      kind: "INJECT",
      data: { kind: "stakeholder", from, message, answerWithinMinutes, dueAt },
      actorId: actor.id,
      at: now,
    });
    return { eventId: event.id, dueAt };
  });
}
