/**
 * Per-object authorisation for use-cases. The role matrix (permissions.ts) says
 * which areas a role may use; these say which *objects* an actor may touch.
 * Pure checks first (unit-tested), then the loaders use-cases call.
 */
import { type PrismaClient } from "@prisma/client";
import { AppError } from "../errors";
import { type Actor } from "./actor";
import { type Access, can } from "./permissions";

export function assertAllowed(actor: Actor | null | undefined, access: Access): asserts actor is Actor {
  if (access === "public") return;
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!can(actor.role, access)) throw new AppError("FORBIDDEN", "You don't have access to this.");
}

/**
 * A lead reaches the people of the teams they lead, and people without a team (nobody else leads them,
 * and readiness must show them so they get placed and trained).
 */
function leadReaches(teamId: string | null, ledTeamIds: readonly string[]): boolean {
  return teamId === null || ledTeamIds.includes(teamId);
}

/** A person's data (progress, attempts, grades): themselves, staff, the lead of their team, any lead if teamless. */
export function canSeePerson(
  actor: Actor,
  target: { id: string; teamId: string | null },
  ledTeamIds: readonly string[],
): boolean {
  if (actor.id === target.id) return true;
  if (actor.role === "ADMIN" || actor.role === "FACILITATOR") return true;
  return actor.role === "LEAD" && leadReaches(target.teamId, ledTeamIds);
}

export type AttemptUse = "play" | "watch";

/**
 * An attempt: only its members may play it (type, edit its report); members,
 * facilitators, admins and the lead of its team may watch it. An attempt made
 * without a team may be watched by a lead who reaches every one of its members
 * now (members without a team, or in a team the lead leads).
 */
export function canUseAttempt(
  actor: Actor,
  attempt: { memberIds: readonly string[]; teamId: string | null; memberTeamIds?: readonly (string | null)[] },
  use: AttemptUse,
  ledTeamIds: readonly string[],
): boolean {
  const member = attempt.memberIds.includes(actor.id);
  if (use === "play") return member;
  if (member || actor.role === "ADMIN" || actor.role === "FACILITATOR") return true;
  if (actor.role !== "LEAD") return false;
  if (attempt.teamId !== null) return ledTeamIds.includes(attempt.teamId);
  const teams = attempt.memberTeamIds ?? [];
  return teams.length > 0 && teams.every((t) => leadReaches(t, ledTeamIds));
}

async function ledTeamIds(db: PrismaClient, actor: Actor): Promise<string[]> {
  if (actor.role !== "LEAD") return [];
  const teams = await db.team.findMany({ where: { leadId: actor.id }, select: { id: true } });
  return teams.map((t) => t.id);
}

/** Someone who may not see a person is told it does not exist, so ids cannot be probed. */
export async function assertCanSeePerson(db: PrismaClient, actor: Actor, userId: string): Promise<void> {
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, teamId: true } });
  if (!target || !canSeePerson(actor, target, await ledTeamIds(db, actor))) {
    throw new AppError("NOT_FOUND", "No such person.");
  }
}

export async function assertCanUseAttempt(
  db: PrismaClient,
  actor: Actor,
  attemptId: string,
  use: AttemptUse,
): Promise<void> {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { teamId: true, members: { select: { userId: true, user: { select: { teamId: true } } } } },
  });
  if (!attempt) throw new AppError("NOT_FOUND", "No such attempt.");
  const shape = {
    memberIds: attempt.members.map((m) => m.userId),
    teamId: attempt.teamId,
    memberTeamIds: attempt.members.map((m) => m.user.teamId),
  };
  const led = await ledTeamIds(db, actor);
  if (canUseAttempt(actor, shape, use, led)) return;
  // Whoever may watch it knows it exists; everyone else is told it does not.
  if (canUseAttempt(actor, shape, "watch", led))
    throw new AppError("FORBIDDEN", "Only the attempt's players can do that.");
  throw new AppError("NOT_FOUND", "No such attempt.");
}
