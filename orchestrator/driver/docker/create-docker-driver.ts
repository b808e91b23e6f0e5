/** The Docker implementation of EnvironmentDriver, composed from the files beside it. */
import { healthFromStatus, renameContainer, restartContainer, startContainer } from "../../docker/containers";
import { engineVersion } from "../../docker/client";
import { watchContainerExits } from "../../docker/events";
import { ownedFilter } from "../../environments/labels";
import { openTtyExec, runExec } from "../../docker/exec";
import { followLogs, tailLogs } from "../../docker/logs";
import { OrchestratorError } from "../../errors";
import { containerName, networkName } from "../../environments/names";
import type { EnvironmentDriver, RunOptions } from "../types";
import { destroySlot, removeSlotInstances } from "./destroy-slot";
import { ensureInstances } from "./ensure-instances";
import { ensureNetwork } from "./ensure-network";
import { ensureVolumes } from "./ensure-volumes";
import { addressOn, instanceContainer, slotContainers } from "./find-containers";
import { listSlots } from "./list-slots";
import { sampleContainer } from "./sample-instance";

function envList(env: Record<string, string> | undefined): string[] {
  return Object.entries(env ?? {}).map(([k, v]) => `${k}=${v}`);
}

export function createDockerDriver(orchestratorId: string): EnvironmentDriver {
  const running = async (slot: string, instance: string) => {
    const c = await instanceContainer(orchestratorId, slot, instance);
    if (c.State !== "running")
      throw new OrchestratorError("conflict", `instance ${instance} is not running (${c.State})`);
    return c.Id;
  };

  return {
    name: "docker",
    ping: engineVersion,
    ensureNetwork: async (spec) => void (await ensureNetwork(spec)),
    ensureVolumes,
    ensureInstances,
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

    watchExits: (onExit, onTrouble) => watchContainerExits(ownedFilter(orchestratorId), onExit, onTrouble),

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

    destroy: (slot) => destroySlot(orchestratorId, slot),
  };
}
