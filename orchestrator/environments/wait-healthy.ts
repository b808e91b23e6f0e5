/**
 * Wait until an instance is healthy. Docker's own healthcheck runs every few
 * seconds; meanwhile we run the same test ourselves every quarter second so a
 * ready instance is noticed at once.
 */
import type { StackInstance } from "../../lib/levels/stack-schema";
import type { EnvironmentDriver } from "../driver/types";
import { sleep } from "../util/time";

/** Between probes: a boot's instances are noticed within this of being ready (each probe is an exec). */
const PROBE_EVERY_MS = 250;

export function probeArgv(test: string[]): string[] | null {
  const [kind, ...rest] = test;
  if (kind === "CMD-SHELL") return ["sh", "-c", rest.join(" ")];
  if (kind === "CMD") return rest;
  return null; // NONE: running is enough
}

export interface HealthOutcome {
  healthy: boolean;
  /** Docker state when we gave up (exited, running…). */
  state: string;
}

export async function waitHealthy(
  driver: EnvironmentDriver,
  slot: string,
  instance: StackInstance,
  timeoutMs: number,
  opts: { failWhenExited?: boolean } = {},
): Promise<HealthOutcome> {
  const deadline = Date.now() + timeoutMs;
  const argv = probeArgv(instance.healthcheck);
  let state = "missing";
  while (Date.now() < deadline) {
    const status = (await driver.instances(slot)).find((i) => i.name === instance.name);
    state = status?.state ?? "missing";
    if (status?.health === "healthy") return { healthy: true, state };
    if (status?.state === "running") {
      if (!argv) return { healthy: true, state };
      const probe = await driver
        .exec(slot, instance.name, argv, { timeoutMs: Math.min(5_000, Math.max(1_000, deadline - Date.now())) })
        .catch(() => undefined);
      if (probe?.exitCode === 0) return { healthy: true, state };
    } else if (opts.failWhenExited && (state === "exited" || state === "dead" || state === "missing")) {
      return { healthy: false, state };
    }
    await sleep(PROBE_EVERY_MS);
  }
  return { healthy: false, state };
}
