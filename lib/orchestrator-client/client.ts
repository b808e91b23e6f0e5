/**
 * The web app's typed client for the orchestrator's HTTP contract
 * (lib/contracts/orchestrator-api.ts). Every reply is validated; every failure
 * becomes an AppError: UNAVAILABLE when the orchestrator cannot be reached or
 * breaks the contract, the orchestrator's own code mapped otherwise.
 */
import { z } from "zod";
import {
  ApiErrorSchema,
  CheckResultSchema,
  EnvironmentListSchema,
  EnvironmentViewSchema,
  ExecResultSchema,
  InstanceStatsSchema,
  PoolsViewSchema,
  RecordingListSchema,
  RevocationResultSchema,
  SliSamplesSchema,
  SliViewSchema,
  type CreateEnvironmentRequest,
  type ExecRequest,
  type PoolDemand,
  type RevocationRequest,
} from "../contracts/orchestrator-api";
import { env } from "../env";
import { AppError, type ErrorCode } from "../errors";

export interface OrchestratorConfig {
  url: string;
  secret: string;
  fetch?: typeof fetch;
}

const CODE_MAP: Record<string, ErrorCode> = {
  bad_request: "INVALID_INPUT",
  unauthorized: "UNAVAILABLE",
  forbidden: "UNAVAILABLE",
  not_found: "NOT_FOUND",
  gone: "NOT_FOUND",
  conflict: "CONFLICT",
};

function defaultConfig(): OrchestratorConfig {
  const e = env();
  return { url: e.ORCHESTRATOR_URL, secret: e.ORCHESTRATOR_SECRET };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

type CallOptions = { body?: unknown; timeoutMs?: number; config?: OrchestratorConfig };

async function call<T>(schema: z.ZodType<T>, method: string, path: string, opts: CallOptions = {}): Promise<T> {
  const parsed = schema.safeParse(parseJson(await send(method, path, opts)));
  if (!parsed.success) {
    throw new AppError("UNAVAILABLE", `The environment service answered ${method} ${path} in an unexpected shape.`);
  }
  return parsed.data;
}

/** One request; the body of a 2xx answer as text, every failure an AppError. */
async function send(method: string, path: string, opts: CallOptions): Promise<string> {
  const config = opts.config ?? defaultConfig();
  const doFetch = config.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(new URL(path, config.url), {
      method,
      headers: {
        authorization: `Bearer ${config.secret}`,
        ...(opts.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      cache: "no-store",
    });
  } catch (err) {
    const why = err instanceof Error && err.name === "TimeoutError" ? "did not answer in time" : "cannot be reached";
    throw new AppError("UNAVAILABLE", `The environment service ${why} (${method} ${path}). Try again in a moment.`);
  }
  const text = await res.text().catch(() => {
    throw new AppError("UNAVAILABLE", `The environment service broke off its answer to ${method} ${path}.`);
  });
  if (!res.ok) {
    const parsed = ApiErrorSchema.safeParse(parseJson(text));
    const message = parsed.success ? parsed.data.error.message : `HTTP ${res.status}`;
    const code = (parsed.success && CODE_MAP[parsed.data.error.code]) || "UNAVAILABLE";
    throw new AppError(code, `The environment service refused ${method} ${path}: ${message}`);
  }
  return text;
}

/**
 * One request whose 2xx body is handed on as a stream (not read here); the
 * timeout covers the answer's headers only, so a long download is not cut.
 */
async function open(
  path: string,
  opts: CallOptions,
): Promise<{ body: ReadableStream<Uint8Array>; bytes: number | null }> {
  const config = opts.config ?? defaultConfig();
  const doFetch = config.fetch ?? fetch;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? 15_000);
  let res: Response;
  try {
    res = await doFetch(new URL(path, config.url), {
      headers: { authorization: `Bearer ${config.secret}` },
      signal: abort.signal,
      cache: "no-store",
    });
  } catch {
    throw new AppError(
      "UNAVAILABLE",
      `The environment service cannot be reached (GET ${path}). Try again in a moment.`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok || !res.body) {
    const parsed = ApiErrorSchema.safeParse(parseJson(await res.text().catch(() => "")));
    const message = parsed.success ? parsed.data.error.message : `HTTP ${res.status}`;
    const code = (parsed.success && CODE_MAP[parsed.data.error.code]) || "UNAVAILABLE";
    throw new AppError(code, `The environment service refused GET ${path}: ${message}`);
  }
  const length = Number(res.headers.get("content-length"));
  return { body: res.body, bytes: Number.isFinite(length) && length >= 0 ? length : null };
}

const enc = encodeURIComponent;

export const orchestrator = {
  /** Whether the orchestrator answers (readiness); throws an AppError when it does not. */
  health: (config?: OrchestratorConfig) =>
    call(z.object({}).passthrough(), "GET", "/health", { config, timeoutMs: 3_000 }),
  createEnvironment: (req: CreateEnvironmentRequest, config?: OrchestratorConfig) =>
    call(EnvironmentViewSchema, "POST", "/environments", { body: req, config }),
  listEnvironments: (config?: OrchestratorConfig) =>
    call(EnvironmentListSchema, "GET", "/environments", { config, timeoutMs: 5_000 }),
  sliSamples: (config?: OrchestratorConfig) => call(SliSamplesSchema, "GET", "/sli", { config, timeoutMs: 5_000 }),
  /** `waitMs`: while it provisions, the answer comes at the environment's next change or after that long. */
  getEnvironment: (id: string, config?: OrchestratorConfig, opts: { waitMs?: number } = {}) =>
    call(EnvironmentViewSchema, "GET", `/environments/${enc(id)}${opts.waitMs ? `?waitMs=${opts.waitMs}` : ""}`, {
      config,
    }),
  destroyEnvironment: (id: string, config?: OrchestratorConfig) =>
    call(EnvironmentViewSchema, "DELETE", `/environments/${enc(id)}`, { config }),
  check: (id: string, config?: OrchestratorConfig) =>
    call(CheckResultSchema, "POST", `/environments/${enc(id)}/check`, { config, timeoutMs: 180_000 }),
  exec: (id: string, req: ExecRequest, config?: OrchestratorConfig) =>
    call(ExecResultSchema, "POST", `/environments/${enc(id)}/exec`, {
      body: req,
      config,
      timeoutMs: (req.timeoutMs ?? 30_000) + 5_000,
    }),
  sli: (id: string, config?: OrchestratorConfig) =>
    call(SliViewSchema, "GET", `/environments/${enc(id)}/sli`, { config }),
  stats: (id: string, config?: OrchestratorConfig) =>
    call(z.object({ instances: z.array(InstanceStatsSchema) }), "GET", `/environments/${enc(id)}/stats`, { config }),
  /** Revoked sessions or people: their tokens stop working and their open terminals and app pages end. */
  revokeAccess: (req: RevocationRequest, config?: OrchestratorConfig) =>
    call(RevocationResultSchema, "POST", "/revocations", { body: req, config, timeoutMs: 5_000 }),
  /** Terminal recordings of an environment; they outlive it, so this works after it is destroyed. */
  listRecordings: (id: string, config?: OrchestratorConfig) =>
    call(RecordingListSchema, "GET", `/environments/${enc(id)}/recordings`, { config }),
  /** One recording (asciicast v2) as a stream: served to the browser as it is read, never held whole. */
  getRecording: (id: string, session: string, config?: OrchestratorConfig) =>
    open(`/environments/${enc(id)}/recordings/${enc(session)}`, { config }),
  /** The pre-broken pools: budget, per level target, ready and filling, and why. */
  getPools: (config?: OrchestratorConfig) => call(PoolsViewSchema, "GET", "/pools", { config, timeoutMs: 5_000 }),
  /** The web's forecast, replacing the previous one; answers with the pools as they are then sized. */
  putPoolDemand: (demand: PoolDemand, config?: OrchestratorConfig) =>
    call(PoolsViewSchema, "PUT", "/pools/demand", { body: demand, config, timeoutMs: 5_000 }),
  logs: (id: string, instance: string, tail = 200, config?: OrchestratorConfig) =>
    call(
      z.object({ lines: z.array(z.string()) }),
      "GET",
      `/environments/${enc(id)}/logs/${enc(instance)}?tail=${tail}`,
      { config },
    ),
};

export type OrchestratorClient = typeof orchestrator;
