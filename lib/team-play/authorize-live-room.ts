/**
 * Who may act in an incident room (chat, roles): a member who may write to the
 * attempt, while the room is live. The messages say what is refused, in the
 * use-case's own words.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { authorizeAttempt, type AttemptWithLevel } from "../core/attempt-access";
import { AppError } from "../errors";
import { LIVE_ROOM_STATUSES } from "./channel";

export async function authorizeLiveRoom(
  db: PrismaClient | Prisma.TransactionClient,
  actor: Actor,
  attemptId: string,
  refuse: { closed: string; notTeam?: string },
): Promise<AttemptWithLevel> {
  const { attempt } = await authorizeAttempt(db, actor, attemptId, "write");
  if (refuse.notTeam !== undefined && attempt.kind !== "TEAM") throw new AppError("CONFLICT", refuse.notTeam);
  if (!(LIVE_ROOM_STATUSES as readonly string[]).includes(attempt.status))
    throw new AppError("CONFLICT", refuse.closed);
  return attempt;
}
