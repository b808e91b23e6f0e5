/**
 * Mirrors the orchestrator's view of an environment in the Environment row and
 * moves the attempt on: ready → ACTIVE (the incident clock starts when the
 * player can act), failed → FAILED.
 */
import type { EnvironmentState as DbState } from "@prisma/client";
import type { EnvironmentView } from "../contracts/orchestrator-api";
import { recordMachineEvents } from "./record-machine-events";
import { recordEvent } from "../timeline/record-event";
import type { Deps } from "../core/deps";
import { publishLive } from "../bus/publish";

const STATE: Record<EnvironmentView["state"], DbState> = {
  provisioning: "PROVISIONING",
  ready: "READY",
  failed: "FAILED",
  destroying: "DESTROYED",
  destroyed: "DESTROYED",
};

export function currentStage(view: EnvironmentView): string | null {
  const stage =
    view.stages.find((s) => s.status === "running" || s.status === "failed") ??
    view.stages.findLast((s) => s.status === "done");
  return stage?.name ?? null;
}

export async function applyEnvironmentView(deps: Deps, attemptId: string, view: EnvironmentView): Promise<void> {
  const state = STATE[view.state];
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const attempt = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } });
    const envRow = await tx.environment.findUnique({ where: { attemptId }, select: { state: true, readyAt: true } });
    if (!envRow || envRow.state === "DESTROYED") return;
    await tx.environment.update({
      where: { attemptId },
      data: {
        state,
        stage: currentStage(view),
        error: view.error,
        fromWarmPool: view.fromWarmPool,
        ...(state === "READY" && view.readyAt ? { readyAt: new Date(view.readyAt) } : {}),
        ...(state === "DESTROYED" ? { destroyedAt: now } : {}),
      },
    });
    if (state === "READY" && (attempt.status === "PROVISIONING" || attempt.status === "FAILED")) {
      // The clock starts when the environment was first ready (the orchestrator's time), not when we
      // noticed; an environment made again later (a retry after it was lost) does not restart it.
      const readyAt = view.readyAt ? new Date(Math.min(Date.parse(view.readyAt), now.getTime())) : now;
      const firstTime = envRow.readyAt === null;
      await tx.attempt.update({
        where: { id: attemptId },
        data: { status: "ACTIVE", ...(firstTime ? { startedAt: readyAt } : {}) },
      });
      await recordEvent(tx, {
        attemptId,
        kind: "SYSTEM",
        data: {
          message: firstTime
            ? "Environment ready: the incident clock started"
            : "Environment ready again: the incident clock kept running",
        },
        at: readyAt,
      });
    }
    await recordMachineEvents(tx, attemptId, view.machineEvents);
    if (state === "FAILED" && attempt.status === "PROVISIONING") {
      await tx.attempt.update({ where: { id: attemptId }, data: { status: "FAILED" } });
    }
    if (envRow.state !== state) await publishLive(tx, { type: "attempt-changed", attemptId });
  });
}
