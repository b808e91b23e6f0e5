/**
 * Per-object authorisation for an attempt, used by every attempt use-case:
 * its members may work on it (rw); facilitators and admins may watch and grade
 * it (ro); anyone else is refused, whatever their role.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";

export type AttemptMode = "rw" | "ro";
export type Need = "read" | "write" | "grade";

const include = { level: true, environment: true, members: { include: { user: { select: { id: true, name: true, email: true } } } } } as const;
export type AttemptWithLevel = Prisma.AttemptGetPayload<{ include: typeof include }>;

export function modeFor(actor: Pick<Actor, "id" | "role">, memberIds: string[]): AttemptMode | null {
  if (memberIds.includes(actor.id)) return "rw";
  if (actor.role === "FACILITATOR" || actor.role === "ADMIN") return "ro";
  return null;
}

export async function authorizeAttempt(
  db: PrismaClient | Prisma.TransactionClient,
  actor: Pick<Actor, "id" | "role">,
  attemptId: string,
  need: Need,
): Promise<{ attempt: AttemptWithLevel; mode: AttemptMode }> {
  const attempt = await db.attempt.findUnique({ where: { id: attemptId }, include });
  if (!attempt) throw new AppError("NOT_FOUND", "There is no such attempt.");
  const mode = modeFor(actor, attempt.members.map((m) => m.userId));
  if (!mode) throw new AppError("FORBIDDEN", "This incident belongs to someone else.");
  if (need === "write" && mode !== "rw") throw new AppError("FORBIDDEN", "Only the attempt's players can change it.");
  if (need === "grade" && !(actor.role === "FACILITATOR" || actor.role === "ADMIN")) {
    throw new AppError("FORBIDDEN", "Only facilitators grade attempts.");
  }
  if (need === "grade" && mode === "rw" && actor.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "You cannot grade your own attempt.");
  }
  return { attempt, mode };
}
