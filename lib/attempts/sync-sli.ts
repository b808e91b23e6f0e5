/**
 * Folds the orchestrator's SLI into the attempt: an SLI event whenever the
 * coarse state changes, and the error budget burned (recomputed from the
 * orchestrator's history, never lowered, so repeating the sync is harmless).
 */
import type { SliView } from "../contracts/orchestrator-api";
import { readEventData } from "../timeline/event-data";
import { budgetBurned, classifySli } from "../timeline/sli";
import { recordEvent } from "../timeline/record-event";
import type { Deps } from "./deps";

export async function syncSli(deps: Deps, attemptId: string, sli: SliView): Promise<void> {
  const state = classifySli(sli.current);
  const burned = budgetBurned(sli.history.length > 0 ? sli.history : [sli.current]);
  await deps.db.$transaction(async (tx) => {
    const attempt = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { budgetBurned: true, status: true } });
    if (burned > attempt.budgetBurned && attempt.status === "ACTIVE") {
      await tx.attempt.update({ where: { id: attemptId }, data: { budgetBurned: burned } });
    }
    if (!state) return;
    const last = await tx.timelineEvent.findFirst({ where: { attemptId, kind: "SLI" }, orderBy: { at: "desc" }, select: { data: true } });
    const previous = last ? (readEventData("SLI", last.data)?.state ?? null) : null;
    if (previous === state || (previous === null && state === "healthy")) return;
    await recordEvent(tx, {
      attemptId,
      kind: "SLI",
      data: { state, previous, successRate: sli.current.successRate, p95Ms: sli.current.p95Ms, lastError: sli.current.lastError },
      at: new Date(sli.current.at),
    });
  });
}
