/**
 * What a level's fault.ts and check.ts receive. The orchestrator implements it
 * against the real environment; unit tests may pass a fake.
 *
 *   // levels/disk-full/check.ts
 *   import type { LevelContext, Verdict } from "../_sdk";
 *   export default async function check(ctx: LevelContext): Promise<Verdict> { ... }
 *
 * A check judges without side effects on the attempt's record (recording and
 * scoring live elsewhere); it may restart instances to prove a fix is durable.
 */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface HttpResult {
  status: number;
  body: string;
  ms: number;
}

export interface Verdict {
  passed: boolean;
  /** One or two sentences a player can act on, e.g. "the search still takes 4.1 s". */
  message: string;
}

export interface LevelContext {
  /** The variant's resolved parameters (see lib/levels/params.ts). */
  readonly params: Readonly<Record<string, string | number>>;
  /** Run `sh -c script` in an instance (as root unless `user` is given). Never throws on non-zero exit. */
  exec(instance: string, script: string, opts?: { user?: string; timeoutMs?: number }): Promise<ExecResult>;
  /** Run SQL with psql in the db instance as the database owner; returns psql's unaligned, tuples-only output. */
  sql(query: string, opts?: { timeoutMs?: number }): Promise<ExecResult>;
  /** An HTTP request to the app's entry point (the proxy), as its users see it. */
  http(
    path: string,
    init?: { method?: string; body?: string | Buffer; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<HttpResult>;
  /** Restart an instance (the container) as a reboot would, and wait until it runs again. */
  restart(instance: string): Promise<void>;
  /** Wait until the instance's healthcheck passes or the timeout elapses; resolves true when healthy. */
  waitHealthy(instance: string, timeoutMs?: number): Promise<boolean>;
  /** Progress line shown to whoever waits (provisioning stages, check steps). */
  log(message: string): void;
}

export type FaultModule = { default: (ctx: LevelContext) => Promise<void> };
export type CheckModule = { default: (ctx: LevelContext) => Promise<Verdict> };
