/** Docker object names. Lookups go by label; names only need to be unique and readable. */
import { createHash } from "node:crypto";

export function networkName(orchestratorId: string, slot: string): string {
  return `fd-${orchestratorId}-${slot}`;
}

/**
 * Linux interface names are at most 15 characters: `fd-` + 12 hex. Every
 * firedrill bridge matches `fd-+`, which the host firewall targets.
 */
export function bridgeName(network: string): string {
  return `fd-${createHash("sha256").update(network).digest("hex").slice(0, 12)}`;
}

export function volumeName(orchestratorId: string, slot: string, instance: string, volume: string): string {
  return `fd-${orchestratorId}-${slot}-${instance}-${volume}`;
}

export function containerName(orchestratorId: string, owner: string, instance: string): string {
  return `fd-${orchestratorId}-${owner}-${instance}`;
}

export function keeperName(orchestratorId: string, slot: string): string {
  return `fd-${orchestratorId}-${slot}--keeper`;
}

/** A pool slot id: never a valid environment id pattern clash in practice (random suffix). */
export function poolSlotId(stack: string, random: string): string {
  return `wp-${stack.replace(/[^a-z0-9]/g, "") || "stack"}-${random}`;
}

/** A pre-broken pooled environment's id (and slot): `pb-<level, letters and digits>-<random>`. */
export function prebrokenSlotId(levelId: string, random: string): string {
  return `pb-${levelId.replace(/[^a-z0-9]/g, "").slice(0, 20) || "level"}-${random}`;
}

/** Derive a stable orchestrator id from its data folder, so restarts adopt what they made. */
export function orchestratorIdFor(dataDir: string): string {
  return createHash("sha256").update(dataDir).digest("hex").slice(0, 6);
}
