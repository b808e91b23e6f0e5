/** The Docker implementation of EnvironmentDriver, composed from the files beside it. */
import { healthFromStatus, renameContainer, restartContainer, startContainer } from "../../docker/containers";
import { engineCgroupDriver, engineVersion } from "../../docker/client";
import { enginePosture, type EnginePosture } from "../../docker/engine-posture";
import { watchContainerExits } from "../../docker/events";
import { ownedFilter } from "../labels";
import { openTtyExec, runExec } from "../../docker/exec";
import { followLogs, tailLogs } from "../../docker/logs";
import { OrchestratorError } from "../../errors";
import { containerName, networkName } from "../names";
import type { EnvironmentDriver, RunOptions, SlotSpec } from "../types";
import { INSTANCE_CPU_SHARES, cgroupLayout, ensureSlotCgroup, planCpu, slotCgroupParent } from "./cpu-budget";
import { destroySlot, removeSlotInstances } from "./destroy-slot";
import { instanceExitOf } from "./instance-exit";
import { ensureInstances } from "./ensure-instances";
import { ensureNetwork } from "./ensure-network";
import { ensureVolumes } from "./ensure-volumes";
import { addressOn, instanceContainer, slotContainers } from "./find-containers";
import { listSlots } from "./list-slots";
import {
  fileFacts,
  listProcesses,
  processEnvironment,
  readRegularFile,
  signalProcess,
  volumeFacts,
} from "./observe-instance";
import { sampleContainer } from "./sample-instance";

function envList(env: Record<string, string> | undefined): string[] {
  return Object.entries(env ?? {}).map(([k, v]) => `${k}=${v}`);
}

export function createDockerDriver(
  orchestratorId: string,
  opts: { envCpus: number } = { envCpus: 1 },
): EnvironmentDriver {
  let layout: Promise<"v1" | "v2" | undefined> | undefined;
  const detect = () => (layout ??= engineCgroupDriver().then(cgroupLayout, () => undefined));
  /** The slot's CPU plan; its parent cgroup is made here (falls back to scaled caps when it cannot be). */
  const cpuPlan = async (spec: SlotSpec) => {
    const found = await detect();
    if (found) {
      const parent = slotCgroupParent(orchestratorId, spec.identity.slot);
      try {
        ensureSlotCgroup(found, parent, opts.envCpus);
        return planCpu(spec.stack.instances, opts.envCpus, "cgroup", parent);
      } catch {
        layout = Promise.resolve(undefined); // not writable here: scaled caps from now on
      }
    }
    return planCpu(spec.stack.instances, opts.envCpus, "scaled");
  };

  const running = async (slot: string, instance: string) => {
    const c = await instanceContainer(orchestratorId, slot, instance);
    if (c.State !== "running")
      throw new OrchestratorError("conflict", `instance ${instance} is not running (${c.State})`);
    return c.Id;
  };

  // Read once: changing the storage driver or userns-remap means restarting the engine (and us).
  let posture: Promise<EnginePosture> | undefined;
  const readPosture = () => {
    posture ??= enginePosture().catch((err) => {
      posture = undefined;
      throw err;
    });
    return posture;
  };

  return {
    name: "docker",
    ping: engineVersion,
    async posture() {
      const p = await readPosture();
      const disk = p.disk.capped ? `disk capped (${p.disk.detail})` : `disk NOT capped (${p.disk.detail})`;
      return {
        diskCapped: p.disk.capped,
        userNamespace: p.userns,
        detail: `${disk}; ${p.userns ? "userns-remap on" : "NO user namespace (userns-remap off)"}`,
      };
    },
    ensureNetwork: async (spec) => void (await ensureNetwork(spec)),
    ensureVolumes,
    ensureInstances: async (spec) => ensureInstances(spec, await cpuPlan(spec), (await readPosture()).disk),
    removeInstances: (slot) => removeSlotInstances(orchestratorId, slot),

    async instances(slot) {
      const { instances } = await slotContainers(orchestratorId, slot);
      return [...instances.entries()].map(([name, c]) => ({
        name,
        state: c.State,
        health: healthFromStatus(c.Status),
        address: addressOn(c, networkName(orchestratorId, slot)),
      }));
    },

    slots: () => listSlots(orchestratorId),

    watchExits: (onExit, onTrouble) =>
      watchContainerExits(
        ownedFilter(orchestratorId),
        (e) => {
          const exit = instanceExitOf(e);
          if (exit) onExit(exit);
        },
        onTrouble,
      ),

    async startStopped(slot) {
      const { keeper, instances } = await slotContainers(orchestratorId, slot);
      const started: string[] = [];
      if (keeper && keeper.State !== "running") {
        await startContainer(keeper.Id);
        started.push("keeper");
      }
      for (const [name, c] of instances) {
        if (c.State === "running") continue;
        await startContainer(c.Id);
        started.push(name);
      }
      return started;
    },

    async adopt(slot, environmentId) {
      const { instances } = await slotContainers(orchestratorId, slot);
      for (const [name, c] of instances) {
        const target = containerName(orchestratorId, environmentId, name);
        if (c.Names.includes(`/${target}`)) continue;
        await renameContainer(c.Id, target).catch(() => undefined); // cosmetic
      }
    },

    async exec(slot, instance, argv, opts: RunOptions = {}) {
      return runExec(await running(slot, instance), argv, {
        user: opts.user,
        timeoutMs: opts.timeoutMs,
        env: envList(opts.env),
      });
    },

    async openTty(slot, instance, argv, opts: RunOptions = {}) {
      return openTtyExec(await running(slot, instance), argv, { user: opts.user, env: envList(opts.env) });
    },

    async restart(slot, instance) {
      const c = await instanceContainer(orchestratorId, slot, instance);
      await restartContainer(c.Id, 5);
    },

    async tailLogs(slot, instance, lines) {
      return tailLogs((await instanceContainer(orchestratorId, slot, instance)).Id, lines);
    },

    async followLogs(slot, instance, onLine, opts) {
      return followLogs((await instanceContainer(orchestratorId, slot, instance)).Id, onLine, opts);
    },

    async sample(slot, instance) {
      return sampleContainer(await running(slot, instance));
    },

    async fileFacts(slot, instance, path) {
      return fileFacts((await instanceContainer(orchestratorId, slot, instance)).Id, path);
    },

    async readFile(slot, instance, path, maxBytes) {
      return readRegularFile((await instanceContainer(orchestratorId, slot, instance)).Id, path, maxBytes);
    },

    async processes(slot, instance) {
      return listProcesses(await running(slot, instance));
    },

    async processEnvironment(slot, instance, pid) {
      return processEnvironment(await running(slot, instance), pid);
    },

    async signal(slot, instance, pid, sig) {
      return signalProcess(await running(slot, instance), pid, sig);
    },

    async volume(slot, instance, volume, mountPath) {
      const { keeper } = await slotContainers(orchestratorId, slot);
      if (keeper?.State !== "running") throw new OrchestratorError("conflict", "the volume keeper is not running");
      return volumeFacts(keeper.Id, `/keep/${instance}/${volume}`, mountPath);
    },

    destroy: (slot) => destroySlot(orchestratorId, slot),

    async cpuPolicy() {
      return { mode: (await detect()) ? "cgroup" : "scaled", envCpus: opts.envCpus, cpuShares: INSTANCE_CPU_SHARES };
    },
  };
}
