/**
 * Stage "volumes": a size-capped tmpfs volume per stack volume, so a disk-full
 * fault fills its own few megabytes, never the host's disk.
 */
import { createVolume } from "../../docker/volumes";
import { LABEL, slotLabels } from "../labels";
import { volumeName } from "../names";
import type { SlotSpec } from "../types";

export async function ensureVolumes(spec: SlotSpec): Promise<void> {
  const id = spec.identity;
  for (const inst of spec.stack.instances) {
    for (const v of inst.volumes) {
      await createVolume({
        Name: volumeName(id.orchestratorId, id.slot, inst.name, v.name),
        Driver: "local",
        DriverOpts: { type: "tmpfs", device: "tmpfs", o: `size=${v.sizeMb}m` },
        Labels: { ...slotLabels(id), [LABEL.instance]: inst.name },
      });
    }
  }
}
