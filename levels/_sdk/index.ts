/**
 * What a level's fault.ts and check.ts receive. The orchestrator implements both
 * contexts against the real environment; unit tests may pass a fake.
 *
 *   // levels/disk-full/check.ts
 *   import type { CheckContext, Verdict } from "../_sdk";
 *   export default async function check(ctx: CheckContext): Promise<Verdict> { ... }
 *
 * The two contexts differ on purpose. A fault acts as root inside the player's
 * instances (`exec`, `sql` through the instance's own psql). A check only gets
 * `observe`: observations made from outside the player's containers, which a
 * root shell inside them cannot rewrite (levels/README.md, "How a check observes").
 */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface HttpInit {
  method?: string;
  body?: string | Buffer;
  /** Merged over a realistic browser's headers (a check's request looks like a customer's). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  /**
   * Stop after the response headers (do not wait for a body); with `announceBytes`, send only
   * headers that announce a body of that size, so a proxy's size limit can be probed cheaply.
   */
  headersOnly?: boolean;
  announceBytes?: number;
}

export interface HttpResult {
  /** 0 when no HTTP answer came (refused, reset, timed out): `error` says why. */
  status: number;
  body: string;
  /** The body's raw bytes (as sent: the same bytes an upload must read back as). */
  bytes: Buffer;
  /** Response headers, lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  ms: number;
  error?: string;
}

export interface Verdict {
  passed: boolean;
  /** One or two sentences a player can act on, symptoms first: "the search still takes 4.1 s". */
  message: string;
  /**
   * The check could not judge (its own baseline failed, the host is too busy, an observation was
   * impossible): shown as "could not judge, try again", never as "not fixed", and not counted.
   */
  unjudged?: boolean;
}

/** What a file is, from the engine's view of the instance's filesystem (not from a player's `stat`). */
export interface FileFacts {
  path: string;
  type: "file" | "directory" | "symlink" | "fifo" | "socket" | "char-device" | "block-device" | "other";
  /** Apparent size in bytes (a sparse file's logical size). */
  size: number;
  /** Permission bits, e.g. 0o755. */
  mode: number;
  /** Owner as numeric ids inside the container. */
  uid: number;
  gid: number;
  linkTarget: string;
  mtime: Date;
}

/** A process as the host's `ps` sees it (the container cannot fake this list). */
export interface ProcessFacts {
  pid: number;
  ppid: number;
  /** Owner's uid as the host sees it (inside the container when the engine does not remap users). */
  uid: number;
  /** Percent of one CPU averaged over the process's life (ps's %CPU). */
  cpuPercent: number;
  rssKb: number;
  state: string;
  elapsedSeconds: number;
  command: string;
}

export interface VolumeFacts {
  mountPath: string;
  sizeBytes: number;
  usedBytes: number;
  availBytes: number;
}

export interface UsageFacts {
  /** CPU over the last sample, percent of one CPU. */
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  processes: number;
}

export type SqlRow = Record<string, string | null>;

/**
 * Observations a player cannot rewrite. Every call runs in the orchestrator (outside the
 * player's containers) or asks the container engine; none runs a program inside an instance.
 * A failed observation throws `CannotJudge`, which the check's runner turns into an unjudged verdict.
 */
export interface Observe {
  /** HTTP through the app's entry point (the proxy), as a browser would send it. */
  http(path: string, init?: HttpInit): Promise<HttpResult>;
  /** HTTP straight to one instance's port, bypassing the proxy (the other side of the hop). */
  direct(instance: string, port: number, path: string, init?: HttpInit): Promise<HttpResult>;
  /**
   * SQL in the stack's database as the check's own role, over the network, with `search_path`
   * pinned to `pg_catalog` and every role/database-level planner and transaction setting put back
   * to the server's own. Read-only. Schema-qualify everything (`pg_catalog.pg_class`, `public.users`).
   * Values are bound ($1, $2…), never pasted into the text.
   */
  sql(text: string, values?: (string | number | boolean | null)[]): Promise<SqlRow[]>;
  /** What is at `path` in an instance, or null when nothing is. */
  file(instance: string, path: string): Promise<FileFacts | null>;
  /** A regular file's bytes (at most `maxBytes`); null when it is missing or not a regular file. */
  readFile(instance: string, path: string, maxBytes?: number): Promise<Buffer | null>;
  /** Every process of an instance. */
  processes(instance: string): Promise<ProcessFacts[]>;
  /**
   * The environment variables a running process really has (read by the host from the kernel,
   * not from any file in the instance); `pid` as `processes()` reports it. Null when the process is gone.
   */
  processEnvironment(instance: string, pid: number): Promise<Record<string, string> | null>;
  /** Size, use and free space of a size-capped volume of an instance (e.g. /var/lib/app). */
  volume(instance: string, mountPath: string): Promise<VolumeFacts>;
  /** CPU and memory of an instance over the last second. */
  usage(instance: string): Promise<UsageFacts>;
}

/**
 * What a fault (and a game-day inject) receives: root in the instances, as a player is.
 * A fault may run long before a player claims its environment (pre-broken pools): what depends
 * on the moment goes in an optional named export of fault.ts, run at claim with the same context
 * (levels/README.md, "Pools"):
 *
 *   export async function onClaim(ctx: LevelContext): Promise<void> { ... }
 */
export interface LevelContext {
  /** The variant's resolved parameters (see lib/levels/params.ts). */
  readonly params: Readonly<Record<string, string | number>>;
  /** Run `sh -c script` in an instance (as root unless `user` is given). Never throws on non-zero exit. */
  exec(instance: string, script: string, opts?: { user?: string; timeoutMs?: number }): Promise<ExecResult>;
  /** Run SQL with psql in the db instance as the database owner; returns psql's unaligned, tuples-only output. */
  sql(query: string, opts?: { timeoutMs?: number }): Promise<ExecResult>;
  /** An HTTP request to the app's entry point (the proxy), as its users see it. */
  http(path: string, init?: HttpInit): Promise<HttpResult>;
  /** Restart an instance (the container) as a reboot would, and wait until it runs again. */
  restart(instance: string): Promise<void>;
  /** Wait until the instance's healthcheck passes or the timeout elapses; resolves true when healthy. */
  waitHealthy(instance: string, timeoutMs?: number): Promise<boolean>;
  /** Trusted observations (the same a check gets). */
  readonly observe: Observe;
  /** Progress line shown to whoever waits (provisioning stages, check steps). */
  log(message: string): void;
}

/** What a check receives: observations from outside, and reboots through the engine. No exec. */
export interface CheckContext {
  readonly params: Readonly<Record<string, string | number>>;
  readonly observe: Observe;
  /** Reboot an instance through the engine (a player's `sv` cannot turn this into a no-op). */
  restart(instance: string): Promise<void>;
  /**
   * Wait until the instance's service answers, judged from outside: `probe` (e.g. an HTTP request
   * through `observe`) returning true. Resolves false when `timeoutMs` passes first.
   */
  waitUntil(probe: () => Promise<boolean>, timeoutMs: number, intervalMs?: number): Promise<boolean>;
  log(message: string): void;
}

/** Thrown by an observation that could not be made: the check answers "could not judge". */
export class CannotJudge extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CannotJudge";
  }
}

/** A verdict that says the check could not judge, so the player tries again instead of doubting a right fix. */
export function unjudged(message: string): Verdict {
  return { passed: false, unjudged: true, message };
}

export type FaultModule = { default: (ctx: LevelContext) => Promise<void> };
export type CheckModule = { default: (ctx: CheckContext) => Promise<Verdict> };
