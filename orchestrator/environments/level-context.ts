/**
 * The LevelContext a level's fault.ts and check.ts receive, implemented
 * against a real environment through the driver (the same exec path a
 * player's terminal uses).
 */
import type { StackManifest } from "../../lib/levels/stack-schema";
import type { LevelContext } from "../../levels/_sdk";
import type { EnvironmentDriver } from "../driver/types";
import { OrchestratorError } from "../errors";
import { httpRequest } from "../util/http-request";
import { waitHealthy } from "./wait-healthy";

/** The stack's database: PostgreSQL in `db`, database `shop`, owner `postgres` (run as that OS user: peer auth works too). */
export const DATABASE = { instance: "db", user: "postgres", database: "shop" } as const;

export interface LevelContextOptions {
  driver: EnvironmentDriver;
  slot: string;
  stack: StackManifest;
  params: Record<string, string | number>;
  app: { instance: string; port: number };
  log: (message: string) => void;
}

export function createLevelContext(o: LevelContextOptions): LevelContext {
  const instanceSpec = (name: string) => {
    const spec = o.stack.instances.find((i) => i.name === name);
    if (!spec) throw new OrchestratorError("not_found", `instance ${name} is not in the stack`);
    return spec;
  };
  const exec: LevelContext["exec"] = (instance, script, opts = {}) =>
    o.driver.exec(o.slot, instance, ["sh", "-c", script], { user: opts.user, timeoutMs: opts.timeoutMs ?? 30_000 });

  return {
    params: Object.freeze({ ...o.params }),
    exec,
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
    async http(path, init = {}) {
      const app = (await o.driver.instances(o.slot)).find((i) => i.name === o.app.instance);
      if (!app?.address)
        return { status: 0, body: `${o.app.instance} has no address (${app?.state ?? "missing"})`, ms: 0 };
      const res = await httpRequest({
        host: app.address,
        port: o.app.port,
        path,
        method: init.method,
        headers: init.headers,
        body: init.body,
        timeoutMs: init.timeoutMs ?? 10_000,
      });
      return { status: res.status, body: res.body, ms: res.ms };
    },
    async restart(instance) {
      instanceSpec(instance);
      await o.driver.restart(o.slot, instance);
    },
    async waitHealthy(instance, timeoutMs = 60_000) {
      return (await waitHealthy(o.driver, o.slot, instanceSpec(instance), timeoutMs)).healthy;
    },
    log: o.log,
  };
}
