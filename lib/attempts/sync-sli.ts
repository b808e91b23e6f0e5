/**
 * Folds the orchestrator's SLI into the attempt: an SLI event whenever the
 * coarse state changes, and the error budget burned while the incident is
 * open. The budget grows by the samples newer than the environment row's
 * `lastActivityAt` (the last sample the web app has folded in), and the cursor
 * moves in the same conditional update, so repeated or concurrent syncs never
 * count a sample twice, however long the incident runs. A worsening seen while
 * a fix check runs or settles is the check's doing and is not recorded (the
 * check's start is on the timeline, so this holds before its verdict too).
 */
import type { SliView } from "../contracts/orchestrator-api";
import { checkRuns } from "../timeline/check-runs";
import { readEventData } from "../timeline/event-data";
import { budgetBurned, classifySli, duringCheck, isSliChange, RANK_OF } from "../timeline/sli";
import { recordEvent } from "../timeline/record-event";
import type { Deps } from "../core/deps";

export async function syncSli(deps: Deps, attemptId: string, sli: SliView): Promise<void> {
  const samples = sli.history.length > 0 ? sli.history : [sli.current];
  const lastAt = samples.reduce((t, s) => Math.max(t, Date.parse(s.at) || 0), 0);
  const state = classifySli(sli.current);
  await deps.db.$transaction(async (tx) => {
    const attempt = await tx.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { status: true, environment: { select: { id: true, lastActivityAt: true } } },
    });
    const env = attempt.environment;
    if (env && lastAt > env.lastActivityAt.getTime()) {
      const moved = await tx.environment.updateMany({
        where: { id: env.id, lastActivityAt: env.lastActivityAt },
        data: { lastActivityAt: new Date(lastAt) },
      });
      const burned = budgetBurned(samples, env.lastActivityAt);
      if (moved.count === 1 && burned > 0 && attempt.status === "ACTIVE") {
        await tx.attempt.update({ where: { id: attemptId }, data: { budgetBurned: { increment: burned } } });
      }
    }
    if (!state) return;
    const last = await tx.timelineEvent.findFirst({
      where: { attemptId, kind: "SLI" },
      orderBy: { at: "desc" },
      select: { data: true },
    });
    const previous = last ? (readEventData("SLI", last.data)?.state ?? null) : null;
    if (!isSliChange(previous, state)) return;
    if (previous !== null && RANK_OF[state] > RANK_OF[previous]) {
      // The latest check's start and verdict: a worsening seen since it started is the check's doing.
      const started = await tx.timelineEvent.findFirst({
        where: { attemptId, kind: "SYSTEM", data: { path: ["check"], equals: "started" } },
        orderBy: { at: "desc" },
        select: { kind: true, at: true, data: true },
      });
      const verdict = await tx.timelineEvent.findFirst({
        where: { attemptId, kind: "CHECK" },
        orderBy: { at: "desc" },
        select: { kind: true, at: true, data: true },
      });
      const run = checkRuns([started, verdict].filter((e) => e !== null)).at(-1) ?? null;
      if (duringCheck(Date.parse(sli.current.at), run)) return;
    }
    await recordEvent(tx, {
      attemptId,
      kind: "SLI",
      data: {
        state,
        previous,
        successRate: sli.current.successRate,
        p95Ms: sli.current.p95Ms,
        lastError: sli.current.lastError,
      },
      at: new Date(sli.current.at),
    });
  });
}
