/**
 * Run a level's check against an environment: a verdict, never a throw. The check
 * gets only trusted observations (level-context.ts). A check that cannot observe
 * (CannotJudge) or runs out of time answers "could not judge" (unjudged), so a busy
 * host never turns a right fix into "not fixed"; a check that crashes fails.
 */
import type { CheckResult } from "../../lib/contracts/orchestrator-api";
import { CannotJudge } from "../../levels/_sdk";
import type { Deps } from "../deps";
import { OrchestratorError, messageOf } from "../errors";
import { loadCheck } from "../levels/load-level-module";
import { withTimeout } from "../util/time";
import { createCheckContext } from "./level-context";
import { readyRecord } from "./ready-record";

export async function runCheck(
  deps: Deps,
  id: string,
  log: (m: string) => void = () => undefined,
): Promise<CheckResult> {
  const rec = readyRecord(deps, id);
  const level = deps.levels.get(rec.levelId);
  const stack = await deps.levels.stack(rec.stack);
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const seconds = level.manifest.check.timeoutSeconds;
  const ctx = createCheckContext({
    driver: deps.driver,
    slot: rec.slot,
    stack,
    params: rec.params,
    app: { instance: level.manifest.app.instance, port: level.manifest.app.port },
    log,
  });
  try {
    const check = await loadCheck(level.dir, level.manifest.check.module);
    const verdict = await withTimeout(
      check(ctx),
      seconds * 1000,
      () => new CannotJudge(`the check did not finish within ${seconds} s`),
    );
    const unjudged = Boolean(verdict.unjudged);
    return {
      passed: Boolean(verdict.passed) && !unjudged,
      unjudged,
      message: String(verdict.message),
      durationMs: ms(),
    };
  } catch (err) {
    if (err instanceof CannotJudge)
      return {
        passed: false,
        unjudged: true,
        message: `Could not judge: ${err.message}. Try again.`,
        durationMs: ms(),
      };
    const why = err instanceof OrchestratorError ? err.message : messageOf(err);
    return { passed: false, unjudged: false, message: `the check could not run: ${why}`, durationMs: ms() };
  } finally {
    await ctx.close();
  }
}
