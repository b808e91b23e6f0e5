/**
 * The durable record of an environment (or of a warm-pool slot), as stored in
 * the state files, and pure helpers to move its stages along.
 */
import { z } from "zod";
import {
  EnvironmentStateSchema,
  MachineEventSchema,
  StageSchema,
  type Stage,
} from "../../lib/contracts/orchestrator-api";

export const STAGES = ["network", "volumes", "containers", "healthy", "fault"] as const;
export const POOL_STAGES = ["network", "volumes", "containers", "healthy"] as const;

export const EnvironmentRecordSchema = z.object({
  id: z.string(),
  /** "pool": an unbroken warm-pool slot; "prebroken": a pooled environment with its level's fault applied. */
  kind: z.enum(["environment", "pool", "prebroken"]),
  /** The Docker objects this record owns are labelled firedrill.slot=<slot>. */
  slot: z.string(),
  stack: z.string(),
  image: z.string().nullable(),
  attemptId: z.string(),
  levelId: z.string(),
  seed: z.string(),
  state: EnvironmentStateSchema,
  stages: z.array(StageSchema),
  error: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  fromWarmPool: z.boolean(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  lastActivityAt: z.string(),
  updatedAt: z.string(),
  /** When the reaper warned that this environment will be destroyed. */
  warnedAt: z.string().nullable().default(null),
  /** The latest heal events of its machines (kept to 20), for the attempt's timeline. */
  machineEvents: z.array(MachineEventSchema).default([]),
  /** An environment claimed from a pre-broken pool: the seed its attempt asked for (its `seed` is the pool's). */
  requestedSeed: z.string().nullable().default(null),
  /** A claimed pre-broken environment whose level deals part of its fault at claim (the fault stage runs that hook). */
  claimHook: z.boolean().default(false),
});
export type EnvironmentRecord = z.infer<typeof EnvironmentRecordSchema>;

export function pendingStages(names: readonly string[]): Stage[] {
  return names.map((name) => ({ name, status: "pending", startedAt: null, endedAt: null, message: null }));
}

function mapStage(r: EnvironmentRecord, name: string, f: (s: Stage) => Stage): EnvironmentRecord {
  return { ...r, stages: r.stages.map((s) => (s.name === name ? f(s) : s)) };
}

export function stageRunning(
  r: EnvironmentRecord,
  name: string,
  now: string,
  message: string | null = null,
): EnvironmentRecord {
  return mapStage(r, name, (s) => ({ ...s, status: "running", startedAt: now, endedAt: null, message }));
}

export function stageDone(
  r: EnvironmentRecord,
  name: string,
  now: string,
  message: string | null = null,
): EnvironmentRecord {
  return mapStage(r, name, (s) => ({
    ...s,
    status: "done",
    startedAt: s.startedAt ?? now,
    endedAt: now,
    message: message ?? s.message,
  }));
}

export function stageMessage(r: EnvironmentRecord, name: string, message: string): EnvironmentRecord {
  return mapStage(r, name, (s) => ({ ...s, message }));
}

/** Fail the running stage (or the first unfinished one) and the record. */
export function recordFailed(r: EnvironmentRecord, error: string, now: string): EnvironmentRecord {
  const current = r.stages.find((s) => s.status === "running") ?? r.stages.find((s) => s.status !== "done");
  const withStage = current
    ? mapStage(r, current.name, (s) => ({
        ...s,
        status: "failed",
        startedAt: s.startedAt ?? now,
        endedAt: now,
        message: error,
      }))
    : r;
  return { ...withStage, state: "failed", error, updatedAt: now };
}

export function stageOf(r: EnvironmentRecord, name: string): Stage | undefined {
  return r.stages.find((s) => s.name === name);
}

/** Has the level's fault begun? Then a resume must start from clean instances (faults need not be idempotent). */
export function faultStarted(r: EnvironmentRecord): boolean {
  const fault = stageOf(r, "fault");
  return fault !== undefined && fault.status !== "pending";
}
