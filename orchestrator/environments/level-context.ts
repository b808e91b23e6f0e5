/**
 * The contexts a level's modules receive, implemented against a real environment
 * through the driver. A fault (and an inject) gets `LevelContext`: root in the
 * instances through the same exec path a player's terminal uses. A check gets
 * `CheckContext`: trusted observations only (observe.ts) and reboots through the engine.
 */
import type { StackManifest } from "../../lib/levels/stack-schema";
import type { CheckContext, LevelContext } from "../../levels/_sdk";
import type { EnvironmentDriver } from "../driver/types";
import { OrchestratorError } from "../errors";
import { sleep } from "../util/time";
import { createObserve, type ClosableObserve } from "./observe";
import { waitHealthy } from "./wait-healthy";

/** The stack's database as its operators reach it: PostgreSQL in `db`, database `shop`, as the `postgres` OS user. */
export const DATABASE = { instance: "db", user: "postgres", database: "shop" } as const;

export interface LevelContextOptions {
  driver: EnvironmentDriver;
  slot: string;
  stack: StackManifest;
  params: Record<string, string | number>;
  app: { instance: string; port: number };
  log: (message: string) => void;
}

function instanceSpec(o: LevelContextOptions, name: string) {
  const spec = o.stack.instances.find((i) => i.name === name);
  if (!spec) throw new OrchestratorError("not_found", `instance ${name} is not in the stack`);
  return spec;
}

async function restart(o: LevelContextOptions, instance: string): Promise<void> {
  instanceSpec(o, instance);
  await o.driver.restart(o.slot, instance);
}

export function createLevelContext(o: LevelContextOptions): LevelContext & { close(): Promise<void> } {
  const observe = createObserve(o);
  return {
    params: Object.freeze({ ...o.params }),
    exec: (instance, script, opts = {}) =>
      o.driver.exec(o.slot, instance, ["sh", "-c", script], { user: opts.user, timeoutMs: opts.timeoutMs ?? 30_000 }),
    sql: (query, opts = {}) =>
      o.driver.exec(
        o.slot,
        DATABASE.instance,
        [
          "sh",
          "-c",
          `printf '%s' "$FD_SQL" | psql -X -q -A -t -v ON_ERROR_STOP=1 -U ${DATABASE.user} -d ${DATABASE.database}`,
        ],
        { env: { FD_SQL: query }, user: DATABASE.user, timeoutMs: opts.timeoutMs ?? 30_000 },
      ),
    http: (path, init) => observe.http(path, init),
    restart: (instance) => restart(o, instance),
    async waitHealthy(instance, timeoutMs = 60_000) {
      return (await waitHealthy(o.driver, o.slot, instanceSpec(o, instance), timeoutMs)).healthy;
    },
    observe,
    log: o.log,
    close: () => observe.close(),
  };
}

export function createCheckContext(o: LevelContextOptions): CheckContext & { close(): Promise<void> } {
  const observe: ClosableObserve = createObserve(o);
  return {
    params: Object.freeze({ ...o.params }),
    observe,
    restart: (instance) => restart(o, instance),
    async waitUntil(probe, timeoutMs, intervalMs = 500) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (await probe().catch(() => false)) return true;
        if (Date.now() + intervalMs > deadline) return false;
        await sleep(intervalMs);
      }
    },
    log: o.log,
    close: () => observe.close(),
  };
}
