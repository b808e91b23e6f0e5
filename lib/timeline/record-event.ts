/** Writes one validated TimelineEvent (inside the caller's transaction when given one); returns its id to publish. */
import type { EventKind, Prisma, PrismaClient } from "@prisma/client";
import { parseEventData, type EventData } from "./event-data";

type Tx = Prisma.TransactionClient | PrismaClient;

export async function recordEvent<K extends EventKind>(
  tx: Tx,
  input: { attemptId: string; kind: K; data: EventData<K>; actorId?: string | null; at?: Date },
): Promise<{ id: string }> {
  const data = parseEventData(input.kind, input.data) as Prisma.InputJsonValue;
  return tx.timelineEvent.create({
    select: { id: true },
    data: {
      attemptId: input.attemptId,
      kind: input.kind,
      data,
      actorId: input.actorId ?? null,
      at: input.at ?? new Date(),
    },
  });
}
