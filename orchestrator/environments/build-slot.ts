/**
 * The stages every slot goes through, for environments and warm-pool slots
 * alike: network, volumes, containers, healthy. Each stage is idempotent and
 * skipped when already done, so a resume after a crash picks up where it stood.
 */
import type { StackManifest } from "../../lib/levels/stack-schema";
import type { Deps } from "../deps";
import { OrchestratorError } from "../errors";
import { save } from "./environment-view";
import { stageDone, stageOf, stageRunning, type EnvironmentRecord } from "./record";
import { identityOf } from "./slot-identity";
import { waitHealthy } from "./wait-healthy";

export type StageListener = (r: EnvironmentRecord, stage: string) => void;

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

export async function buildSlot(
  deps: Deps,
  rec: EnvironmentRecord,
  stack: StackManifest,
  onStage?: StageListener,
): Promise<EnvironmentRecord> {
  if (!rec.image) throw new OrchestratorError("internal", `record ${rec.id} has no image`);
  const spec = { identity: identityOf(rec, deps.config.orchestratorId), stack, image: rec.image };
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
        throw new OrchestratorError("failed", details.join("\n"));
      }
      return `healthy in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    },
    onStage,
  );
  return rec;
}
