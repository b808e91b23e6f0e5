/**
 * The HTTP contract between the web app and the orchestrator.
 * Every request carries `Authorization: Bearer ${ORCHESTRATOR_SECRET}`.
 * Errors are `{ error: { code, message } }` with the HTTP status of the code.
 *
 *   GET    /health                                   → { ok: true, docker: string }
 *   GET    /levels                                   → LevelCatalogue (loaded levels and refused manifests)
 *   POST   /environments                 CreateEnvironmentRequest → 202 EnvironmentView (idempotent by id)
 *   GET    /environments                             → { environments: EnvironmentView[] }
 *   GET    /environments/:id                         → EnvironmentView
 *   DELETE /environments/:id                         → 202 EnvironmentView (idempotent)
 *   POST   /environments/:id/instances/:name/restart → EnvironmentView
 *   POST   /environments/:id/check                   → CheckResult
 *   POST   /environments/:id/exec        ExecRequest → ExecResult (tests, reference fixes)
 *   GET    /environments/:id/sli                     → SliView
 *   GET    /sli                                      → SliSamples { samples: Record<envId, SliSample> } (every environment's current sample, one request)
 *   GET    /environments/:id/stats                   → { instances: InstanceStats[] }
 *   GET    /environments/:id/logs/:instance?tail=200 → { lines: string[] }
 *   GET    /environments/:id/recordings              → { recordings: RecordingSummary[] } (terminal sessions, kept after destroy)
 *   GET    /environments/:id/recordings/:session     → the asciicast v2 file (application/x-asciicast)
 *   GET    /images                                   → { images: ImageView[] }
 *
 * Browser-facing (token from lib/contracts/access-token.ts, signed by the web app):
 *   socket.io namespace /terminal  auth { token, instance, session? }
 *       server→client: "output" (string), "ready" { session }, "exit" { code }
 *       client→server: "input" (string, rw only), "resize" { cols, rows }
 *   socket.io namespace /environment auth { token }
 *       server→client: "state" EnvironmentView, "sli" SliSample, "stats" InstanceStats[], "log" { instance, line }
 *   GET /app/:envId/*?token=…   the app as its users see it (reverse proxy to the env's entry point)
 */
import { z } from "zod";

export const EnvironmentStateSchema = z.enum(["provisioning", "ready", "failed", "destroying", "destroyed"]);
export type EnvironmentState = z.infer<typeof EnvironmentStateSchema>;

export const StageSchema = z.object({
  name: z.string(), // e.g. "network", "volumes", "containers", "healthy", "fault"
  status: z.enum(["pending", "running", "done", "failed"]),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  message: z.string().nullable(),
});
export type Stage = z.infer<typeof StageSchema>;

export const CreateEnvironmentRequestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/),
    attemptId: z.string().min(1),
    levelId: z.string().min(1),
    seed: z.string().min(1),
    /**
     * May the orchestrator hand over a pre-broken pooled environment (dealt under the POOL's seed,
     * which the answer's `seed` then names)? Absent = yes; a certification attempt, whose seed is
     * chosen to be new to its player, says no.
     */
    pooled: z.boolean().optional(),
    /**
     * Open a shell on each machine as soon as the environment is ready, for the player's first
     * connection to take? Absent = yes; a team attempt says no (its members share keyed sessions,
     * which never take a shell opened ahead).
     */
    shellsAhead: z.boolean().optional(),
  })
  .strict();
export type CreateEnvironmentRequest = z.infer<typeof CreateEnvironmentRequestSchema>;

export const InstanceViewSchema = z.object({
  name: z.string(),
  state: z.string(), // docker state: running, exited, restarting…
  health: z.string().nullable(), // healthy, unhealthy, starting, or null
});

/** A machine of the environment died and was healed: "db is down — restarting", then "db is back". */
export const MachineEventSchema = z.object({
  instance: z.string(),
  state: z.enum(["down", "started", "up", "lost"]),
  message: z.string(),
  at: z.string(),
});
export type MachineEvent = z.infer<typeof MachineEventSchema>;

export const EnvironmentViewSchema = z.object({
  id: z.string(),
  attemptId: z.string(),
  levelId: z.string(),
  seed: z.string(),
  state: EnvironmentStateSchema,
  stages: z.array(StageSchema),
  error: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  instances: z.array(InstanceViewSchema),
  fromWarmPool: z.boolean(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  lastActivityAt: z.string(),
  /** The latest machine events (oldest first), so the web can put them on the attempt's timeline. */
  machineEvents: z.array(MachineEventSchema).default([]),
});
export type EnvironmentView = z.infer<typeof EnvironmentViewSchema>;

export const CheckResultSchema = z.object({
  passed: z.boolean(),
  /** The check could not judge (host too busy, an observation impossible): "try again", not "not fixed". */
  unjudged: z.boolean().default(false),
  message: z.string(),
  durationMs: z.number(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const ExecRequestSchema = z
  .object({
    instance: z.string(),
    script: z.string().min(1),
    user: z.string().optional(),
    timeoutMs: z.number().int().positive().max(120_000).optional(),
  })
  .strict();
export type ExecRequest = z.infer<typeof ExecRequestSchema>;

export const ExecResultSchema = z.object({ exitCode: z.number(), stdout: z.string(), stderr: z.string() });

export const SliSampleSchema = z.object({
  at: z.string(),
  /** Share of the window's requests that met their expectations, 0..1 (null before any request). */
  successRate: z.number().min(0).max(1).nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  requests: z.number().int(),
  failures: z.number().int(),
  /** The most common failure reason in the window, e.g. "413 from /api/uploads". */
  lastError: z.string().nullable(),
});
export type SliSample = z.infer<typeof SliSampleSchema>;
export const SliViewSchema = z.object({ current: SliSampleSchema, history: z.array(SliSampleSchema) });
export type SliView = z.infer<typeof SliViewSchema>;
/** Every environment's current sample, keyed by environment id (the facilitators' board polls it). */
export const SliSamplesSchema = z.object({ samples: z.record(z.string(), SliSampleSchema) });
export type SliSamples = z.infer<typeof SliSamplesSchema>;
export const EnvironmentListSchema = z.object({ environments: z.array(EnvironmentViewSchema) });

export const InstanceStatsSchema = z.object({
  instance: z.string(),
  cpuPercent: z.number(),
  memoryBytes: z.number(),
  memoryLimitBytes: z.number(),
  /** Per mounted volume: used and total bytes (from df inside the instance). */
  disks: z.array(z.object({ mount: z.string(), usedBytes: z.number(), totalBytes: z.number() })),
  processes: z.number().int(),
});
export type InstanceStats = z.infer<typeof InstanceStatsSchema>;

export const LevelCatalogueSchema = z.object({
  levels: z.array(z.object({ id: z.string(), title: z.string(), category: z.string() })),
  errors: z.array(z.object({ file: z.string(), field: z.string(), message: z.string() })),
});

/** One recorded terminal session (asciicast v2); `session` is the file's id, `startedAt` the cast header's timestamp. */
export const RecordingSummarySchema = z.object({
  session: z.string(),
  /** From the header's "firedrill" key, or the title of older recordings; null when neither says. */
  instance: z.string().nullable(),
  user: z.string().nullable(),
  title: z.string().nullable(),
  startedAt: z.string(),
  durationSeconds: z.number().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type RecordingSummary = z.infer<typeof RecordingSummarySchema>;
export const RecordingListSchema = z.object({ recordings: z.array(RecordingSummarySchema) });

/** POST /revocations: sessions (ids from tokens' `sid`) and people (every token issued to them so far). */
export const RevocationRequestSchema = z
  .object({
    sessions: z.array(z.string().min(1).max(200)).max(1000).default([]),
    users: z.array(z.string().min(1).max(200)).max(1000).default([]),
  })
  .strict()
  .refine((r) => r.sessions.length + r.users.length > 0, "name at least one session or user");
export type RevocationRequest = z.input<typeof RevocationRequestSchema>;
export const RevocationResultSchema = z.object({ ended: z.number().int() });

/** GET /pools → PoolsView; PUT /pools/demand PoolDemand → PoolsView (the web's forecast; replaces the previous one). */
export const PoolDemandSchema = z
  .object({
    /** Per level: how many pre-broken environments the web expects to be started soon, and why. */
    levels: z
      .array(
        z.object({
          levelId: z.string().min(1),
          want: z.number().int().min(0).max(20),
          reason: z.string().max(200), // "3 assignments due by Thu", "game day 'Blue' at 14:00", "recent starts"
          until: z.string().nullable(), // ISO; after it the demand lapses (null = until the next forecast)
        }),
      )
      .max(200),
  })
  .strict();
export type PoolDemand = z.infer<typeof PoolDemandSchema>;

export const PoolLevelViewSchema = z.object({
  levelId: z.string(),
  stack: z.string(),
  floor: z.number().int(),
  ceiling: z.number().int(),
  target: z.number().int(), // what the orchestrator is filling towards now (demand clamped by floor/ceiling/budget)
  ready: z.number().int(), // pre-broken and healthy, claimable now
  filling: z.number().int(), // being built / faulted
  reason: z.string(), // why this target ("floor", "3 assignments due by Thu", "budget: capped")
});
export const PoolsViewSchema = z.object({
  budgetMb: z.number(), // ORCHESTRATOR_POOL_BUDGET_MB
  usedMb: z.number(), // estimated/measured memory of all pooled environments
  levels: z.array(PoolLevelViewSchema),
  lastClaimAt: z.string().nullable(),
});
export type PoolsView = z.infer<typeof PoolsViewSchema>;

export const ApiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
