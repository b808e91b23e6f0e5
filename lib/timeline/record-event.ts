/** Writes one validated TimelineEvent (inside the caller's transaction when given one). */
import type { EventKind, Prisma, PrismaClient } from "@prisma/client";
import { parseEventData, type EventData } from "./event-data";

type Tx = Prisma.TransactionClient | PrismaClient;

export async function recordEvent<K extends EventKind>(
  tx: Tx,
  input: { attemptId: string; kind: K; data: EventData<K>; actorId?: string | null; at?: Date },
): Promise<void> {
  const data = parseEventData(input.kind, input.data) as Prisma.InputJsonValue;
  await tx.timelineEvent.create({
    data: {
      attemptId: input.attemptId,
      kind: input.kind,
      data,
      actorId: input.actorId ?? null,
      at: input.at ?? new Date(),
    },
  });
}
