/**
 * When the reaper destroys an environment: idle too long (no terminal input,
 * app request, exec or check) or too old. Warn a while before.
 */
export interface ReapPolicy {
  idleMs: number;
  maxAgeMs: number;
  warnMs: number;
}

export type ReapDecision =
  | { action: "keep" }
  | { action: "warn"; reason: "idle" | "age"; destroyAt: number }
  | { action: "destroy"; reason: "idle" | "age" };

export function reapDecision(
  r: { createdAt: string; lastActivityAt: string; warnedAt: string | null },
  now: number,
  policy: ReapPolicy,
): ReapDecision {
  const idleAt = Date.parse(r.lastActivityAt) + policy.idleMs;
  const ageAt = Date.parse(r.createdAt) + policy.maxAgeMs;
  const reason = idleAt <= ageAt ? "idle" : "age";
  const destroyAt = Math.min(idleAt, ageAt);
  if (now >= destroyAt) return { action: "destroy", reason };
  if (now >= destroyAt - policy.warnMs) {
    // Warn once per deadline: activity after a warning moves the deadline and clears warnedAt.
    const warned = r.warnedAt !== null && Date.parse(r.warnedAt) >= destroyAt - policy.warnMs;
    if (!warned) return { action: "warn", reason, destroyAt };
  }
  return { action: "keep" };
}
