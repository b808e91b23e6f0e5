/** The labels a record's Docker objects carry: derived from the record, so a resume recreates them alike. */
import type { SlotIdentity } from "../driver/labels";
import type { EnvironmentRecord } from "../state/environment-record";

export function identityOf(r: EnvironmentRecord, orchestratorId: string, ownerDir?: string): SlotIdentity {
  const pooled = r.kind !== "environment" || r.fromWarmPool;
  return {
    orchestratorId,
    slot: r.slot,
    stack: r.stack,
    environment: pooled ? r.slot : r.id,
    attempt: pooled ? "" : r.attemptId,
    level: pooled ? "" : r.levelId,
    seed: pooled ? "" : r.seed,
    pool: pooled,
    ...(ownerDir ? { ownerDir } : {}),
  };
}
