/** An environment record for unit tests: provisioning, nothing done yet; `over` replaces fields. */
import { pendingStages, STAGES, type EnvironmentRecord } from "../../state/environment-record";

export function sampleRecord(over: Partial<EnvironmentRecord> = {}): EnvironmentRecord {
  return {
    id: "e",
    kind: "environment",
    slot: "e",
    stack: "_stack",
    image: "i",
    attemptId: "a",
    levelId: "l",
    seed: "s",
    state: "provisioning",
    stages: pendingStages(STAGES),
    error: null,
    params: {},
    fromWarmPool: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    readyAt: null,
    lastActivityAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    warnedAt: null,
    machineEvents: [],
    requestedSeed: null,
    claimHook: false,
    ...over,
  };
}
