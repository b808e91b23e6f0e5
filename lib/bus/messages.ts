/**
 * What travels on the live bus (PostgreSQL NOTIFY on channel `firedrill_live`)
 * from any process that changed something to the live server, which fans it
 * out to browsers over socket.io. Payloads stay small (NOTIFY caps them near
 * 8 KB): big things (a report's text) are re-read by the receiver.
 */
import { z } from "zod";

export const LIVE_CHANNEL = "firedrill_live";

export const LiveMessageSchema = z.discriminatedUnion("type", [
  /** Something about an attempt changed (status, checks, hints, environment, members): board rows re-read it. */
  z.object({ type: z.literal("attempt-changed"), attemptId: z.string().min(1) }).strict(),
  /** A timeline event was written; the room shows it at once. `eventId` is the TimelineEvent row. */
  z.object({ type: z.literal("timeline"), attemptId: z.string().min(1), eventId: z.string().min(1) }).strict(),
  /** A shared document was saved: the others fetch `version` and rebase their unsaved edits onto it. */
  z
    .object({
      type: z.literal("doc-saved"),
      attemptId: z.string().min(1),
      doc: z.enum(["report", "postmortem"]),
      version: z.number().int().nonnegative(),
      byUserId: z.string(),
    })
    .strict(),
  /** A shared document was handed in: teammates' forms lock (their unsaved text stays in their local draft). */
  z
    .object({
      type: z.literal("doc-submitted"),
      attemptId: z.string().min(1),
      doc: z.enum(["report", "postmortem"]),
      byUserId: z.string(),
    })
    .strict(),
  /** A facilitator's hint or message to the players of an attempt (also a NOTE on its timeline). */
  z
    .object({
      type: z.literal("coach"),
      attemptId: z.string().min(1),
      kind: z.enum(["hint", "message"]).optional(),
      from: z.string(),
      text: z.string().min(1).max(2000),
      at: z.string(),
    })
    .strict(),
  /** A game day was scheduled, started or ended (players' homes and the facilitator's list refresh). */
  z.object({ type: z.literal("game-day"), gameDayId: z.string().min(1), teamId: z.string().min(1) }).strict(),
]);
export type LiveMessage = z.infer<typeof LiveMessageSchema>;
