/**
 * A facilitator triggers a second fault from the level's injects: its shell
 * steps run in the environment through the orchestrator's exec endpoint (the
 * path the levels' reference fixes take in tests), then an INJECT event is
 * recorded. A step that fails stops the inject and says why.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { manifestOf } from "../core/level-manifest";
import { AppError } from "../errors";
import { expandTemplate, type ResolvedParams } from "../levels/params";
import { recordEvent } from "../timeline/record-event";
import { authorizeInject } from "./authorize-inject";

export const TriggerFaultSchema = z
  .object({ attemptId: z.string().min(1).max(64), injectId: z.string().min(1).max(64) })
  .strict();
export type TriggerFaultInput = z.infer<typeof TriggerFaultSchema>;

const STEP_TIMEOUT_MS = 60_000;

export async function triggerFault(
  actor: Actor,
  input: TriggerFaultInput,
  deps: Deps = defaultDeps(),
): Promise<{ eventId: string }> {
  const { attemptId, injectId } = TriggerFaultSchema.parse(input);
  const attempt = await authorizeInject(deps.db, actor, attemptId);
  const inject = manifestOf(attempt.level).injects.find((i) => i.id === injectId);
  if (!inject) throw new AppError("NOT_FOUND", `This level has no inject "${injectId}".`);
  const fired = await deps.db.timelineEvent.findFirst({
    where: { attemptId, kind: "INJECT", data: { path: ["injectId"], equals: injectId } },
    select: { id: true },
  });
  if (fired) throw new AppError("CONFLICT", `“${inject.title}” has already been triggered in this incident.`);
  const environment = attempt.environment;
  if (environment?.state !== "READY") throw new AppError("CONFLICT", "The environment is not running.");

  for (const step of inject.steps) {
    const script = expandTemplate(step.run, attempt.params as ResolvedParams);
    const r = await deps.orchestrator.exec(environment.id, {
      instance: step.instance,
      script,
      ...(step.user ? { user: step.user } : {}),
      timeoutMs: STEP_TIMEOUT_MS,
    });
    if (r.exitCode !== 0)
      throw new AppError(
        "CONFLICT",
        `The inject failed on ${step.instance} (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim().slice(0, 300)}`,
      );
  }
  return deps.db.$transaction(async (tx) => {
    const event = await recordEvent(tx, {
      attemptId,
      kind: "INJECT",
      // The title stays with the facilitators (they map injectId back to it); the room gets a neutral line.
      data: { kind: "fault", injectId, message: "A second fault was injected" },
      actorId: actor.id,
      at: deps.now(),
    });
    return { eventId: event.id };
  });
}
