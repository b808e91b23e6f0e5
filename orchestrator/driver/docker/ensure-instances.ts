/**
 * Stage "containers": keeper first (it mounts the volumes), then each instance
 * created (Docker copies the image's files into its empty volumes now) and
 * started. Whatever exists already is reused, so a resume after a crash works.
 * Each writable layer is size-capped when the engine can (engine-posture.ts).
 */
import { createContainer, startContainer } from "../../docker/containers";
import { type DiskCapSupport, writableLayerSize } from "../../docker/engine-posture";
import { inspectImage } from "../../docker/images";
import { OrchestratorError } from "../../errors";
import { networkName } from "../names";
import type { SlotSpec } from "../types";
import type { CpuPlan } from "./cpu-budget";
import { instanceContainerSpec, keeperContainerSpec } from "./container-spec";
import { slotContainers } from "./find-containers";

async function createOrFind(
  spec: Parameters<typeof createContainer>[0],
  find: () => Promise<string | undefined>,
): Promise<string> {
  try {
    return await createContainer(spec);
  } catch (err) {
    if (err instanceof OrchestratorError && err.code === "conflict") {
      const id = await find();
      if (id) return id;
    }
    throw err;
  }
}

/** The keeper only sleeps: a little room for Docker's own files. */
const KEEPER_DISK_MB = 16;

export async function ensureInstances(spec: SlotSpec, cpu: CpuPlan, disk: DiskCapSupport): Promise<void> {
  const id = spec.identity;
  const imageBytes = disk.capped && disk.countsImage ? ((await inspectImage(spec.image))?.Size ?? 0) : 0;
  const sizeFor = (diskMb: number) => writableLayerSize(disk, imageBytes, diskMb);
  const network = networkName(id.orchestratorId, id.slot);
  const existing = await slotContainers(id.orchestratorId, id.slot);
  const find = async (instance?: string) => {
    const now = await slotContainers(id.orchestratorId, id.slot);
    return (instance ? now.instances.get(instance) : now.keeper)?.Id;
  };

  const withVolumes = spec.stack.instances.filter((i) => i.volumes.length > 0);
  if (withVolumes.length > 0) {
    const keeperId =
      existing.keeper?.Id ??
      (await createOrFind(keeperContainerSpec(id, withVolumes, spec.image, sizeFor(KEEPER_DISK_MB)), () => find()));
    await startContainer(keeperId);
  }

  // Created side by side: the engine handles it, and it halves this stage on 2 cores.
  await Promise.all(
    spec.stack.instances.map(async (inst) => {
      const found = existing.instances.get(inst.name);
      if (found?.State === "running") return;
      const cid =
        found?.Id ??
        (await createOrFind(
          instanceContainerSpec(
            id,
            inst,
            spec.image,
            network,
            { nanoCpus: cpu.nanoCpus[inst.name], cgroupParent: cpu.cgroupParent },
            sizeFor(inst.diskMb),
          ),
          () => find(inst.name),
        ));
      await startContainer(cid);
    }),
  );
}
