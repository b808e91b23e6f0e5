/**
 * Who may inject into an attempt: a facilitator or admin who may watch it,
 * while the incident is live (ACTIVE or MITIGATED). Players never can.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { authorizeAttempt, type AttemptWithLevel } from "../core/attempt-access";
import { AppError } from "../errors";
import { isIn, PLAYING } from "../core/attempt-status";

export async function authorizeInject(
  db: PrismaClient | Prisma.TransactionClient,
  actor: Actor,
  attemptId: string,
): Promise<AttemptWithLevel> {
  if (actor.role !== "FACILITATOR" && actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only facilitators send injects.");
  const { attempt } = await authorizeAttempt(db, actor, attemptId, "read");
  if (!isIn(PLAYING, attempt.status)) throw new AppError("CONFLICT", "Injects can be sent while the incident is live.");
  return attempt;
}
