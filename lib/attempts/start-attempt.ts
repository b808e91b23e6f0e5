/**
 * A player starts a level (named, from an assignment, or dealt at random), in
 * training or certification mode: the Attempt with its variant, the player as
 * member, the Environment row, then the orchestrator is asked to provision it.
 * One live incident at a time. Only the assignment's own person may start it;
 * it decides the level (or the category / random pool) and the mode.
 */
import { randomBytes } from "node:crypto";
import type { PlayMode } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { AppError } from "../errors";
import { resolveParams } from "../levels/params";
import { recordEvent } from "../timeline/record-event";
import { chooseLevel } from "./choose-level";
import { defaultDeps, type Deps } from "../core/deps";
import { loadPlayerHistory } from "../certification/load-player-history";
import { manifestOf } from "../core/level-manifest";
import { provisionEnvironment } from "./provision-environment";
import { publishLive } from "../bus/publish";
import { chooseCertificationSeed } from "./choose-certification-seed";
import { pickAssignedLevel } from "./pick-assigned-level";
import { OPEN } from "../core/attempt-status";

export interface StartAttemptInput {
  levelId?: string;
  assignmentId?: string;
  mode?: PlayMode;
}

export async function startAttempt(
  actor: Actor,
  input: StartAttemptInput,
  deps: Deps = defaultDeps(),
): Promise<{ attemptId: string }> {
  if (!can(actor.role, "play")) throw new AppError("FORBIDDEN", "Only players start incidents.");
  const live = await deps.db.attempt.findFirst({
    where: { status: { in: [...OPEN] }, members: { some: { userId: actor.id } } },
    select: { id: true },
  });
  if (live)
    throw new AppError("CONFLICT", "You already have an incident in progress: finish or abandon it first.", {
      attemptId: live.id,
    });

  let levelId = input.levelId;
  let assignmentId: string | null = null;
  let playMode: PlayMode = input.mode ?? "TRAINING";
  const enabled = await deps.db.level.findMany({ where: { enabled: true }, select: { id: true, category: true } });
  if (input.assignmentId) {
    const assignment = await deps.db.assignment.findUnique({ where: { id: input.assignmentId } });
    // A person's own assignment, or a whole-team one (older rows) of their team; anyone else's does not exist.
    const mine =
      assignment &&
      (assignment.assigneeId === actor.id ||
        (assignment.assigneeId === null && assignment.teamId !== null && assignment.teamId === actor.teamId));
    if (!assignment || !mine) throw new AppError("NOT_FOUND", "There is no such assignment for you.");
    if (assignment.completedAt) throw new AppError("CONFLICT", "This assignment is already done.");
    assignmentId = assignment.id;
    playMode = assignment.playMode;
    levelId = await pickAssignedLevel(deps.db, actor.id, assignment, enabled);
  }
  if (!levelId) {
    const history = await loadPlayerHistory(deps.db, actor.id);
    levelId = chooseLevel({
      levels: enabled,
      passedLevelIds: history.passedLevelIds,
      practiceByCategory: history.practiceByCategory,
    })?.id;
    if (!levelId) throw new AppError("NOT_FOUND", "No level is available to play yet.");
  }
  const level = await deps.db.level.findUnique({ where: { id: levelId } });
  if (!level || !level.enabled) throw new AppError("NOT_FOUND", `There is no playable level "${levelId}".`);
  const manifest = manifestOf(level);

  const newSeed = () => randomBytes(8).toString("hex");
  const variantSeed =
    playMode === "CERTIFICATION" ? await unusedVariant(deps, actor.id, level.id, manifest.params, newSeed) : newSeed();
  const attempt = await deps.db.$transaction(async (tx) => {
    const created = await tx.attempt.create({
      data: {
        levelId: level.id,
        startedById: actor.id,
        teamId: actor.teamId,
        assignmentId,
        playMode,
        variantSeed,
        params: resolveParams(manifest.params, variantSeed),
        members: { create: { userId: actor.id, role: "PLAYER" } },
      },
    });
    await tx.environment.create({ data: { id: `env-${created.id}`, attemptId: created.id } });
    await recordEvent(tx, {
      attemptId: created.id,
      kind: "SYSTEM",
      data: { message: `Started ${level.title}${playMode === "CERTIFICATION" ? " (certification)" : ""}` },
      actorId: actor.id,
    });
    await publishLive(tx, { type: "attempt-changed", attemptId: created.id });
    return created;
  });
  await provisionEnvironment(deps, attempt, `env-${attempt.id}`);
  return { attemptId: attempt.id };
}

/** A certification attempt's seed: never used by this player on this level, unlike their training variants. */
async function unusedVariant(
  deps: Deps,
  userId: string,
  levelId: string,
  specs: Parameters<typeof chooseCertificationSeed>[0]["specs"],
  newSeed: () => string,
): Promise<string> {
  const earlier = await deps.db.attempt.findMany({
    where: { levelId, members: { some: { userId } } },
    select: { variantSeed: true, params: true, playMode: true },
  });
  return chooseCertificationSeed({
    specs,
    usedSeeds: new Set(earlier.map((a) => a.variantSeed)),
    trainedParams: earlier.filter((a) => a.playMode === "TRAINING").map((a) => a.params),
    newSeed,
  }).seed;
}
