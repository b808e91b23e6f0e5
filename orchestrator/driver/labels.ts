/**
 * Labels on every container, network and volume the orchestrator creates.
 * Labels are immutable, so they name the *slot* (the set of Docker objects an
 * environment runs on) and what it was created for; which environment owns a
 * slot now is kept in the state files (a warm-pool slot changes hands).
 */
export const LABEL = {
  managed: "firedrill.managed",
  /** Which orchestrator owns it: several (tests, dev) may share one engine. */
  orchestrator: "firedrill.orchestrator",
  slot: "firedrill.slot",
  environment: "firedrill.environment",
  attempt: "firedrill.attempt",
  level: "firedrill.level",
  seed: "firedrill.seed",
  stack: "firedrill.stack",
  /** "warm" on objects made for the warm pool (their environment/attempt/level/seed are the pool slot's). */
  pool: "firedrill.pool",
  instance: "firedrill.instance",
  /** "instance" or "keeper" (the container that holds tmpfs volumes mounted across restarts). */
  role: "firedrill.role",
  /** The owning orchestrator's state folder: when it no longer exists, the objects are nobody's. */
  ownerDir: "firedrill.owner-dir",
} as const;

export interface SlotIdentity {
  orchestratorId: string;
  slot: string;
  stack: string;
  /** The environment the slot was created for; a pool slot carries its own id. */
  environment: string;
  attempt: string;
  level: string;
  seed: string;
  pool: boolean;
  /** The owning orchestrator's state folder (absent on objects made before it was recorded). */
  ownerDir?: string;
}

export function slotLabels(id: SlotIdentity): Record<string, string> {
  const labels: Record<string, string> = {
    [LABEL.managed]: "true",
    [LABEL.orchestrator]: id.orchestratorId,
    [LABEL.slot]: id.slot,
    [LABEL.environment]: id.environment,
    [LABEL.attempt]: id.attempt,
    [LABEL.level]: id.level,
    [LABEL.seed]: id.seed,
    [LABEL.stack]: id.stack,
  };
  if (id.pool) labels[LABEL.pool] = "warm";
  if (id.ownerDir) labels[LABEL.ownerDir] = id.ownerDir;
  return labels;
}

/** Everything this orchestrator owns. */
export function ownedFilter(orchestratorId: string): Record<string, string> {
  return { [LABEL.managed]: "true", [LABEL.orchestrator]: orchestratorId };
}

export function slotFilter(orchestratorId: string, slot: string): Record<string, string> {
  return { ...ownedFilter(orchestratorId), [LABEL.slot]: slot };
}

export function slotOf(labels: Record<string, string> | undefined | null): string | undefined {
  return labels?.[LABEL.slot] || undefined;
}
