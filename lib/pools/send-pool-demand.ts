/**
 * Sends the web's forecast to the orchestrator (PUT /pools/demand), which sizes the pre-broken
 * pools by it: from the web server once at start and every minute. Each forecast replaces the
 * last, and its entries lapse on their own, so a missed round costs nothing but freshness.
 */
import { PoolDemandSchema, type PoolsView } from "../contracts/orchestrator-api";
import { defaultDeps, type Deps } from "../core/deps";
import { forecastPoolDemand } from "./forecast-pool-demand";

export async function sendPoolDemand(deps: Deps = defaultDeps()): Promise<PoolsView> {
  const demand = PoolDemandSchema.parse(await forecastPoolDemand(deps));
  return deps.orchestrator.putPoolDemand(demand);
}

/** Once now, then every `everyMs`, one round at a time; a failure is logged (once until it changes), never thrown. */
export function startPoolDemandTimer(everyMs = 60_000, deps?: Deps): { stop(): void } {
  let running = false;
  let reported: string | null = null;
  const tick = () => {
    if (running) return;
    running = true;
    sendPoolDemand(deps)
      .then(() => {
        if (reported !== null) console.log("pool demand: sent again");
        reported = null;
      })
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        if (reported !== message) console.warn(`pool demand: not sent: ${message}`);
        reported = message;
      })
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return { stop: () => clearInterval(timer) };
}
