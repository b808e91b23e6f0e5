/**
 * Run a level's check against an environment: a verdict, never a throw. A check
 * that crashes or runs out of time is a failed verdict saying so.
 */
import type { CheckResult } from "../../lib/contracts/orchestrator-api";
import type { Deps } from "../deps";
import { OrchestratorError, messageOf } from "../errors";
import { loadCheck } from "../levels/load-level-module";
import { withTimeout } from "../util/time";
import { readyRecord } from "./ready-record";
import { createLevelContext } from "./level-context";

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
  try {
    const check = await loadCheck(level.dir, level.manifest.check.module);
    const ctx = createLevelContext({
      driver: deps.driver,
      slot: rec.slot,
      stack,
      params: rec.params,
      app: { instance: level.manifest.app.instance, port: level.manifest.app.port },
      log,
    });
    const verdict = await withTimeout(
      check(ctx),
      seconds * 1000,
      () => new OrchestratorError("timeout", `the check did not finish within ${seconds} s`),
    );
    return { passed: Boolean(verdict.passed), message: String(verdict.message), durationMs: ms() };
  } catch (err) {
    return { passed: false, message: `the check could not run: ${messageOf(err)}`, durationMs: ms() };
  }
}
