/**
 * Orchestrator settings: from environment variables (validated with zod, so a
 * bad variable stops the start with its name) or given in code by tests.
 */
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";
import { orchestratorIdFor } from "./driver/names";

const MB = 1024 * 1024;
const intFrom = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

export const EnvSchema = z.object({
  ORCHESTRATOR_PORT: intFrom(4100, 0).pipe(z.number().max(65535)),
  /** Loopback only by default: environments must not reach the API through their bridge gateway. */
  ORCHESTRATOR_HOST: z.string().min(1).default("127.0.0.1"),
  ORCHESTRATOR_SECRET: z.string().min(16, "must be at least 16 characters (the web app shares it)"),
  ORCHESTRATOR_ALLOWED_ORIGINS: z.string().default("http://localhost:3000"),
  ORCHESTRATOR_IDLE_MINUTES: intFrom(30, 1),
  ORCHESTRATOR_MAX_AGE_MINUTES: intFrom(180, 1),
  ORCHESTRATOR_WARM_POOL: intFrom(1, 0).pipe(z.number().max(10)),
  ORCHESTRATOR_RECONCILE_SECONDS: intFrom(30, 1),
  /** Pre-broken environments kept ready per level at least (`npm start` sets 1; code and tests default to 0). */
  ORCHESTRATOR_POOL_FLOOR: intFrom(0, 0).pipe(z.number().max(20)),
  /** …and at most, whatever the demand. */
  ORCHESTRATOR_POOL_CEILING: intFrom(4, 0).pipe(z.number().max(20)),
  /** Memory all pre-broken pooled environments may use together (measured from their containers, else estimated). */
  ORCHESTRATOR_POOL_BUDGET_MB: intFrom(2048, 0),
  /** Cold boots (containers up, healthy, fault applied) at once; more wait their turn. 0 = the host's CPU count. */
  ORCHESTRATOR_BOOT_PARALLEL: intFrom(0, 0).pipe(z.number().max(64)),
  /** Distinguishes orchestrators sharing one engine; default: derived from the data folder. */
  ORCHESTRATOR_ID: z
    .string()
    .regex(/^[a-z0-9]{3,12}$/)
    .optional(),
  /** "auto": add the host firewall rule when root with iptables; "off": never. */
  ORCHESTRATOR_FIREWALL: z.enum(["auto", "off"]).default("auto"),
  /** One recording's cap: its first three quarters and last quarter are kept. */
  ORCHESTRATOR_RECORDING_MAX_MB: intFrom(8, 1),
  /** Retention: recordings older than this, then the oldest past the total, are deleted. */
  ORCHESTRATOR_RECORDINGS_MAX_AGE_DAYS: intFrom(90, 1),
  ORCHESTRATOR_RECORDINGS_MAX_TOTAL_MB: intFrom(2048, 1),
  /** Total CPUs one environment may use (all its instances together); "auto": half the host's, at least 0.5. */
  ORCHESTRATOR_ENV_CPUS: z.union([z.literal("auto"), z.coerce.number().min(0.1).max(64)]).default("auto"),
  /** "require": refuse to start unless the engine caps every instance's disk and remaps container root; "warn": log it. */
  ORCHESTRATOR_ENGINE_POSTURE: z.enum(["warn", "require"]).default("warn"),
  /** "on": remove objects whose owner's state folder is gone (remove-abandoned.ts); "off" on an engine shared by hosts. */
  ORCHESTRATOR_REMOVE_ABANDONED: z.enum(["on", "off"]).default("on"),
  FIREDRILL_DATA_DIR: z.string().default(".data"),
  LEVELS_DIR: z.string().default("levels"),
});

export interface OrchestratorConfig {
  port: number;
  host: string;
  secret: string;
  allowedOrigins: string[];
  idleMinutes: number;
  maxAgeMinutes: number;
  warmPool: number;
  reconcileSeconds: number;
  /** Pre-broken pools: per level floor and ceiling, and the memory budget of all of them (MB). */
  poolFloor: number;
  poolCeiling: number;
  poolBudgetMb: number;
  /** Pooled environments filled at once (in the background, paused while a player's cold start runs). */
  poolFillParallel: number;
  /** Cold boots of players' environments at once (orchestrator/util/gate.ts). */
  bootParallel: number;
  /** A pooled environment's memory until one of its stack has been measured (MB). */
  poolEnvMbEstimate: number;
  orchestratorId: string;
  firewall: "auto" | "off";
  /** One recording's cap in bytes (head ¾, tail ¼). */
  recordingMaxBytes: number;
  recordingsMaxAgeDays: number;
  recordingsMaxTotalBytes: number;
  /** CPUs one environment may use in all (see driver/docker/cpu-budget.ts). */
  envCpus: number;
  enginePosture: "warn" | "require";
  /** `$FIREDRILL_DATA_DIR/orchestrator`: state files and recordings. */
  stateDir: string;
  levelsDir: string;
  /** Provisioning budget for instances to become healthy. */
  healthyTimeoutMs: number;
  /** Tries of a slot's build (network, volumes, containers, healthy) before provisioning fails. */
  buildTries: number;
  /** First pause between tries (doubles each time). */
  buildRetryDelayMs: number;
  /** Restart a ready environment's dead instance as soon as the engine reports it (else: at reconcile). */
  healOnExit: boolean;
  /** Remove other orchestrators' objects whose state folder is gone. */
  removeAbandoned: boolean;
  /** Quiet by default in tests. */
  log: (level: "info" | "warn" | "error", message: string) => void;
}

const defaultLog: OrchestratorConfig["log"] = (level, message) => {
  const line = `[orchestrator] ${new Date().toISOString()} ${level}: ${message}`;
  if (level === "info") console.log(line);
  else console.error(line);
};

function fromParsed(env: z.infer<typeof EnvSchema>): OrchestratorConfig {
  const stateDir = resolve(env.FIREDRILL_DATA_DIR, "orchestrator");
  return {
    port: env.ORCHESTRATOR_PORT,
    host: env.ORCHESTRATOR_HOST,
    secret: env.ORCHESTRATOR_SECRET,
    allowedOrigins: env.ORCHESTRATOR_ALLOWED_ORIGINS.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    idleMinutes: env.ORCHESTRATOR_IDLE_MINUTES,
    maxAgeMinutes: env.ORCHESTRATOR_MAX_AGE_MINUTES,
    warmPool: env.ORCHESTRATOR_WARM_POOL,
    reconcileSeconds: env.ORCHESTRATOR_RECONCILE_SECONDS,
    poolFloor: env.ORCHESTRATOR_POOL_FLOOR,
    poolCeiling: Math.max(env.ORCHESTRATOR_POOL_CEILING, env.ORCHESTRATOR_POOL_FLOOR),
    poolBudgetMb: env.ORCHESTRATOR_POOL_BUDGET_MB,
    poolFillParallel: 2,
    bootParallel: env.ORCHESTRATOR_BOOT_PARALLEL || availableParallelism(),
    poolEnvMbEstimate: 160,
    orchestratorId: env.ORCHESTRATOR_ID ?? orchestratorIdFor(stateDir),
    firewall: env.ORCHESTRATOR_FIREWALL,
    recordingMaxBytes: env.ORCHESTRATOR_RECORDING_MAX_MB * MB,
    recordingsMaxAgeDays: env.ORCHESTRATOR_RECORDINGS_MAX_AGE_DAYS,
    recordingsMaxTotalBytes: env.ORCHESTRATOR_RECORDINGS_MAX_TOTAL_MB * MB,
    envCpus:
      env.ORCHESTRATOR_ENV_CPUS === "auto" ? Math.max(0.5, availableParallelism() / 2) : env.ORCHESTRATOR_ENV_CPUS,
    enginePosture: env.ORCHESTRATOR_ENGINE_POSTURE,
    stateDir,
    levelsDir: resolve(env.LEVELS_DIR),
    healthyTimeoutMs: 120_000,
    buildTries: 3,
    buildRetryDelayMs: 1000,
    healOnExit: true,
    removeAbandoned: env.ORCHESTRATOR_REMOVE_ABANDONED === "on",
    log: defaultLog,
  };
}

/** For main.ts: every variable checked; the error names the variable. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): OrchestratorConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid orchestrator environment:\n${lines.join("\n")}`);
  }
  return fromParsed(parsed.data);
}

/** For code (tests, benchmarks): defaults from the environment, overrides from the caller, no secret required. */
export function resolveConfig(overrides: Partial<OrchestratorConfig> & { dataDir?: string } = {}): OrchestratorConfig {
  const { dataDir, ...rest } = overrides;
  const env = {
    ...process.env,
    ORCHESTRATOR_SECRET: process.env.ORCHESTRATOR_SECRET ?? randomBytes(24).toString("hex"),
    ...(dataDir ? { FIREDRILL_DATA_DIR: dataDir } : {}),
  };
  const base = configFromEnv(env);
  const merged = { ...base, ...rest };
  if (dataDir && !rest.orchestratorId && !process.env.ORCHESTRATOR_ID)
    merged.orchestratorId = orchestratorIdFor(merged.stateDir);
  if (rest.levelsDir) merged.levelsDir = resolve(rest.levelsDir);
  return merged;
}
