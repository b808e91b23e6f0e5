/**
 * Writes one validated TimelineEvent (inside the caller's transaction when given
 * one) and announces it on the live bus in that same transaction, so every
 * event reaches the rooms and the board without each use-case remembering to.
 */
import type { EventKind, Prisma, PrismaClient } from "@prisma/client";
import { publishLive } from "../bus/publish";
import { parseEventData, type EventData } from "./event-data";

type Tx = Prisma.TransactionClient | PrismaClient;

export async function recordEvent<K extends EventKind>(
  tx: Tx,
  input: { attemptId: string; kind: K; data: EventData<K>; actorId?: string | null; at?: Date },
): Promise<{ id: string }> {
  const data = parseEventData(input.kind, input.data) as Prisma.InputJsonValue;
  const row = await tx.timelineEvent.create({
    select: { id: true },
    data: {
      attemptId: input.attemptId,
      kind: input.kind,
      data,
      actorId: input.actorId ?? null,
      at: input.at ?? new Date(),
    },
  });
  await publishLive(tx, { type: "timeline", attemptId: input.attemptId, eventId: row.id });
  return row;
}
