/**
 * Per-object authorisation for an attempt, used by every attempt use-case. The
 * rule itself is the auth module's `canUseAttempt`: members play it (rw);
 * facilitators, admins and the lead of its team (or, made without a team, of
 * its members) watch it (ro); anyone else is
 * told it does not exist, so attempt ids cannot be probed.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { canUseAttempt } from "../auth/assert-can";
import { AppError } from "../errors";

export type AttemptMode = "rw" | "ro";
export type Need = "read" | "write" | "grade";

const include = {
  level: true,
  environment: true,
  members: { include: { user: { select: { id: true, name: true, email: true, teamId: true } } } },
} as const;
export type AttemptWithLevel = Prisma.AttemptGetPayload<{ include: typeof include }>;

export async function authorizeAttempt(
  db: PrismaClient | Prisma.TransactionClient,
  actor: Actor,
  attemptId: string,
  need: Need,
): Promise<{ attempt: AttemptWithLevel; mode: AttemptMode }> {
  const attempt = await db.attempt.findUnique({ where: { id: attemptId }, include });
  if (!attempt) throw new AppError("NOT_FOUND", "No such attempt.");
  const led =
    actor.role === "LEAD"
      ? (await db.team.findMany({ where: { leadId: actor.id }, select: { id: true } })).map((t) => t.id)
      : [];
  const shape = {
    memberIds: attempt.members.map((m) => m.userId),
    teamId: attempt.teamId,
    memberTeamIds: attempt.members.map((m) => m.user.teamId),
  };
  if (!canUseAttempt(actor, shape, "watch", led)) throw new AppError("NOT_FOUND", "No such attempt.");
  const mode: AttemptMode = canUseAttempt(actor, shape, "play", led) ? "rw" : "ro";
  if (need === "write" && mode !== "rw") throw new AppError("FORBIDDEN", "Only the attempt's players can do that.");
  if (need === "grade" && actor.role !== "FACILITATOR" && actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only facilitators grade attempts.");
  if (need === "grade" && mode === "rw" && actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "You cannot grade your own attempt.");
  return { attempt, mode };
}
