/** A timeline event as pages and live sockets show it: plain data plus a one-line description. */
import type { EventKind, Prisma, PrismaClient } from "@prisma/client";
import { describeEvent } from "./describe-event";

export interface TimelineEventView {
  id: string;
  attemptId: string;
  at: string;
  kind: EventKind;
  actor: { id: string; name: string } | null;
  data: unknown;
  text: string;
}

const select = {
  id: true,
  attemptId: true,
  at: true,
  kind: true,
  data: true,
  actor: { select: { id: true, name: true } },
} as const satisfies Prisma.TimelineEventSelect;
type Row = Prisma.TimelineEventGetPayload<{ select: typeof select }>;

export function toEventView(e: Row): TimelineEventView {
  return {
    id: e.id,
    attemptId: e.attemptId,
    at: e.at.toISOString(),
    kind: e.kind,
    actor: e.actor,
    data: e.data,
    text: describeEvent({ kind: e.kind, at: e.at, data: e.data, actorName: e.actor?.name ?? null }),
  };
}

export async function loadEventView(db: PrismaClient, eventId: string): Promise<TimelineEventView | null> {
  const e = await db.timelineEvent.findUnique({ where: { id: eventId }, select });
  return e ? toEventView(e) : null;
}

export async function listEventViews(
  db: PrismaClient,
  attemptId: string,
  kinds?: readonly EventKind[],
): Promise<TimelineEventView[]> {
  const rows = await db.timelineEvent.findMany({
    where: { attemptId, ...(kinds ? { kind: { in: [...kinds] } } : {}) },
    orderBy: { at: "asc" },
    select,
  });
  return rows.map(toEventView);
}
