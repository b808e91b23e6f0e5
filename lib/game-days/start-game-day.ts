/**
 * A game day starts (a facilitator's "Start now", or the timer when its time
 * comes): ONE team attempt with every current member of the team, the level
 * named or dealt at random, then the environment provisioned exactly as for a
 * solo attempt. Idempotent: starting a started game day returns its attempt.
 */
import { randomBytes } from "node:crypto";
import { Prisma } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";
import { manifestOf } from "../core/level-manifest";
import { provisionEnvironment } from "../attempts/provision-environment";
import { AppError } from "../errors";
import { resolveParams } from "../levels/params";
import { publishLive } from "../bus/publish";
import { recordEvent } from "../timeline/record-event";
import { dealTeamLevel } from "./deal-team-level";

export async function startGameDay(
  actor: Actor,
  gameDayId: string,
  deps: Deps = defaultDeps(),
): Promise<{ attemptId: string }> {
  assertAllowed(actor, "facilitate");
  return launchGameDay(deps, gameDayId, actor.id);
}

/** Starts the game day on behalf of `starterId` (who then shows as the attempt's starter). */
export async function launchGameDay(deps: Deps, gameDayId: string, starterId: string): Promise<{ attemptId: string }> {
  const gameDay = await deps.db.gameDay.findUnique({
    where: { id: gameDayId },
    include: {
      attempt: { select: { id: true } },
      team: { select: { name: true, members: { where: { disabledAt: null }, select: { id: true } } } },
    },
  });
  if (!gameDay) throw new AppError("NOT_FOUND", "No such game day.");
  if (gameDay.attempt) return { attemptId: gameDay.attempt.id };
  if (gameDay.status !== "SCHEDULED")
    throw new AppError("CONFLICT", `This game day is ${gameDay.status.toLowerCase()} and cannot start.`);
  const memberIds = gameDay.team.members.map((m) => m.id);
  if (memberIds.length === 0) throw new AppError("CONFLICT", `${gameDay.team.name} has no members to play.`);

  const levelId = gameDay.levelId ?? (await dealTeamLevel(deps.db, memberIds));
  if (!levelId) throw new AppError("NOT_FOUND", "No level is available to play yet.");
  const level = await deps.db.level.findUnique({ where: { id: levelId } });
  if (!level?.enabled) throw new AppError("CONFLICT", `The level "${levelId}" cannot be played any more.`);
  const manifest = manifestOf(level);
  const variantSeed = randomBytes(8).toString("hex");
  const now = deps.now();

  let created: { id: string; levelId: string; variantSeed: string } | null = null;
  try {
    created = await deps.db.$transaction(async (tx) => {
      // Only one start wins: a second one waits on the row and then finds it no longer SCHEDULED.
      const claimed = await tx.gameDay.updateMany({
        where: { id: gameDayId, status: "SCHEDULED" },
        data: { status: "RUNNING", startedAt: now },
      });
      if (claimed.count !== 1) return null;
      const attempt = await tx.attempt.create({
        data: {
          kind: "TEAM",
          levelId: level.id,
          startedById: starterId,
          teamId: gameDay.teamId,
          gameDayId,
          variantSeed,
          params: resolveParams(manifest.params, variantSeed),
          startedAt: now,
          members: { create: memberIds.map((userId) => ({ userId, role: "PLAYER" as const })) },
        },
      });
      await tx.environment.create({ data: { id: `env-${attempt.id}`, attemptId: attempt.id } });
      await recordEvent(tx, {
        attemptId: attempt.id,
        kind: "SYSTEM",
        data: { message: `Game day “${gameDay.title}” started: ${level.title}` },
        actorId: starterId,
        at: now,
      });
      await publishLive(tx, { type: "game-day", gameDayId, teamId: gameDay.teamId });
      await publishLive(tx, { type: "attempt-changed", attemptId: attempt.id });
      return attempt;
    });
  } catch (err) {
    // The unique game day on Attempt: someone else created it between our read and our write.
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
  }
  if (!created) {
    const existing = await deps.db.attempt.findUnique({ where: { gameDayId }, select: { id: true } });
    if (existing) return { attemptId: existing.id };
    throw new AppError("CONFLICT", "This game day was cancelled or ended meanwhile.");
  }
  await provisionEnvironment(deps, created, `env-${created.id}`);
  return { attemptId: created.id };
}
