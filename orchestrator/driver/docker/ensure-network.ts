/**
 * Stage "network": one private bridge per slot. `Internal` means Docker drops
 * forwarding out of it (no internet, no other environment); the bridge is
 * named `fd-…` so the host firewall can drop what the slot sends to the host.
 */
import { createNetwork, inspectNetwork } from "../../docker/networks";
import { OrchestratorError } from "../../errors";
import { slotLabels } from "../labels";
import { bridgeName, networkName } from "../names";
import type { SlotSpec } from "../types";

export async function ensureNetwork(spec: SlotSpec): Promise<string> {
  const name = networkName(spec.identity.orchestratorId, spec.identity.slot);
  const existing = await inspectNetwork(name);
  if (existing) return existing.Id;
  try {
    return await createNetwork({
      Name: name,
      Driver: "bridge",
      Internal: true,
      CheckDuplicate: true,
      Attachable: false,
      EnableIPv6: false,
      Labels: slotLabels(spec.identity),
      Options: {
        "com.docker.network.bridge.name": bridgeName(name),
        "com.docker.network.bridge.enable_icc": "true",
        "com.docker.network.bridge.enable_ip_masquerade": "false",
      },
    });
  } catch (err) {
    // Two resumes racing: the other one created it.
    if (err instanceof OrchestratorError && err.code === "conflict") {
      const again = await inspectNetwork(name);
      if (again) return again.Id;
    }
    throw err;
  }
}
