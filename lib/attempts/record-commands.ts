/**
 * Commands typed into the room's terminals, as the browser saw them (the line
 * before Enter), recorded for the timeline. Only the attempt's players, only
 * the level's shells.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { manifestOf } from "../core/level-manifest";
import { isIn, PLAYING } from "../core/attempt-status";

export const RecordCommandsSchema = z
  .object({
    commands: z
      .array(
        z
          .object({
            instance: z.string().min(1).max(64),
            command: z.string().trim().min(1).max(2000),
            at: z.iso.datetime().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

/** Client clocks are trusted only this far back. */
const MAX_AGE_MS = 10 * 60_000;
/**
 * At most this many commands per player per attempt within COMMAND_WINDOW_MS (a human types far
 * fewer; a script posting junk would fill the timeline). The window reaches past the oldest `at` a
 * client may claim, so backdating cannot hide commands from the count.
 */
export const COMMAND_LIMIT = 1000;
export const COMMAND_WINDOW_MS = MAX_AGE_MS + 60_000;

export async function recordCommands(
  actor: Actor,
  attemptId: string,
  input: z.infer<typeof RecordCommandsSchema>,
  deps: Deps = defaultDeps(),
): Promise<{ recorded: number }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  if (!isIn(PLAYING, attempt.status)) throw new AppError("CONFLICT", "The incident is not open.");
  const shells = new Set(manifestOf(attempt.level).shells);
  const now = deps.now().getTime();
  const recent = await deps.db.timelineEvent.count({
    where: { attemptId, actorId: actor.id, kind: "COMMAND", at: { gt: new Date(now - COMMAND_WINDOW_MS) } },
  });
  if (recent + input.commands.length > COMMAND_LIMIT)
    throw new AppError(
      "RATE_LIMITED",
      `Too many commands recorded: at most ${COMMAND_LIMIT} per player in ${COMMAND_WINDOW_MS / 60_000} minutes. Try again in a minute.`,
    );
  const rows = input.commands
    .filter((c) => shells.has(c.instance))
    .map((c) => {
      const t = c.at ? Date.parse(c.at) : now;
      const at = new Date(t <= now && now - t <= MAX_AGE_MS ? t : now);
      return {
        attemptId,
        kind: "COMMAND" as const,
        actorId: actor.id,
        at,
        data: { instance: c.instance, command: c.command },
      };
    });
  if (rows.length > 0) await deps.db.timelineEvent.createMany({ data: rows });
  return { recorded: rows.length };
}
