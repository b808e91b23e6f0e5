/**
 * The stages every slot goes through, for environments and warm-pool slots
 * alike: network, volumes, containers, healthy. Each stage is idempotent and
 * skipped when already done, so a resume after a crash picks up where it stood.
 *
 * The engine sometimes fails a step for no lasting reason ("cannot start a
 * stopped process: unknown", a create racing a removal): a failed build is
 * tried again up to `config.buildTries` times, its instances (and their
 * volumes) removed and recreated first, before provisioning is failed. An
 * instance that runs but never turns healthy is the stack's fault, not the
 * engine's: that is not retried (it already waited the whole health budget).
 */
import type { StackManifest } from "../../lib/levels/stack-schema";
import type { Deps } from "../deps";
import { OrchestratorError, isCode, messageOf } from "../errors";
import { sleep } from "../util/time";
import { save } from "./environment-view";
import { stageDone, stageOf, stageRunning, type EnvironmentRecord } from "../state/environment-record";
import { identityOf } from "./slot-identity";
import { waitHealthy } from "./wait-healthy";

export type StageListener = (r: EnvironmentRecord, stage: string) => void;

/** A failure that waiting and recreating will not fix. */
class LastingFailure extends OrchestratorError {}

export async function runStage(
  deps: Deps,
  rec: EnvironmentRecord,
  name: string,
  work: (r: EnvironmentRecord) => Promise<string | null | void>,
  onStage?: StageListener,
): Promise<EnvironmentRecord> {
  if (stageOf(rec, name)?.status === "done") return rec;
  if (deps.cancelled.has(rec.id))
    throw new OrchestratorError("conflict", "cancelled: the environment is being destroyed");
  rec = await save(deps, stageRunning(rec, name, deps.now().toISOString()));
  onStage?.(rec, name);
  const message = await work(rec);
  rec = await save(deps, stageDone(rec, name, deps.now().toISOString(), message ?? null));
  onStage?.(rec, name);
  return rec;
}

const REBUILT = ["volumes", "containers", "healthy"];

export async function buildSlot(
  deps: Deps,
  rec: EnvironmentRecord,
  stack: StackManifest,
  onStage?: StageListener,
): Promise<EnvironmentRecord> {
  const tries = Math.max(1, deps.config.buildTries);
  for (let attempt = 1; ; attempt++) {
    try {
      return await buildOnce(deps, rec, stack, onStage);
    } catch (err) {
      const lasting = err instanceof LastingFailure || isCode(err, "conflict") || deps.cancelled.has(rec.id);
      if (lasting || attempt >= tries) {
        if (attempt > 1 && !lasting)
          throw new OrchestratorError("failed", `${messageOf(err)} (after ${attempt} tries)`, { cause: err });
        throw err;
      }
      const current = deps.envs.get(rec.id) ?? deps.pool.get(rec.id) ?? deps.pools.get(rec.id) ?? rec;
      const failed = current.stages.find((s) => s.status === "running")?.name ?? "build";
      deps.config.log(
        "warn",
        `${rec.id}: ${failed} failed (try ${attempt} of ${tries}): ${messageOf(err)}; recreating its instances`,
      );
      await deps.driver.removeInstances(rec.slot).catch(() => undefined);
      const note = `try ${attempt + 1} of ${tries} after: ${messageOf(err).split("\n")[0]}`;
      rec = await save(deps, {
        ...current,
        stages: current.stages.map((s) =>
          REBUILT.includes(s.name) || s.name === failed
            ? { ...s, status: "pending", startedAt: null, endedAt: null, message: note }
            : s,
        ),
      });
      onStage?.(rec, failed);
      await sleep(deps.config.buildRetryDelayMs * 2 ** (attempt - 1));
    }
  }
}

async function buildOnce(
  deps: Deps,
  rec: EnvironmentRecord,
  stack: StackManifest,
  onStage?: StageListener,
): Promise<EnvironmentRecord> {
  if (!rec.image) throw new LastingFailure("internal", `record ${rec.id} has no image`);
  const spec = { identity: identityOf(rec, deps.config.orchestratorId, deps.config.stateDir), stack, image: rec.image };
  rec = await runStage(deps, rec, "network", () => deps.driver.ensureNetwork(spec), onStage);
  rec = await runStage(deps, rec, "volumes", () => deps.driver.ensureVolumes(spec), onStage);
  rec = await runStage(deps, rec, "containers", () => deps.driver.ensureInstances(spec), onStage);
  rec = await runStage(
    deps,
    rec,
    "healthy",
    async (r) => {
      const started = Date.now();
      const outcomes = await Promise.all(
        stack.instances.map(async (inst) => ({
          inst,
          ...(await waitHealthy(deps.driver, r.slot, inst, deps.config.healthyTimeoutMs, { failWhenExited: true })),
        })),
      );
      const sick = outcomes.filter((o) => !o.healthy);
      if (sick.length > 0) {
        const details = await Promise.all(
          sick.map(async (o) => {
            const logs = await deps.driver.tailLogs(r.slot, o.inst.name, 8).catch(() => []);
            return `${o.inst.name} is ${o.state === "running" ? "not healthy" : o.state}${logs.length ? `; last log lines:\n  ${logs.join("\n  ")}` : ""}`;
          }),
        );
        // Running but never healthy: the stack is at fault, a retry would wait the whole budget again.
        const Failure = sick.every((o) => o.state === "running") ? LastingFailure : OrchestratorError;
        throw new Failure("failed", details.join("\n"));
      }
      return `healthy in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    },
    onStage,
  );
  return rec;
}
