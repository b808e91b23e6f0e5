/**
 * Fixed when, from observations the player cannot rewrite:
 *   - the app instance's memory (the engine's count for its cgroup: processes, stopped or not, and
 *     tmpfs files alike) is well below its limit and not growing, whatever the processes are called;
 *   - the shop answers a search with the database's products through the proxy and at the app;
 *   - all of that again after the engine reboots the app instance and the machine has run a while
 *     (whatever started the job at boot, on a schedule or with the app would have started it again).
 */
import { unjudged, type CheckContext, type UsageFacts, type Verdict } from "../../_sdk";
import { sleep } from "../../_lib/shell";
import { shopServes } from "../../_lib/shop-search";
import { PERIODIC_SECONDS } from "../../_lib/respawn";

/** At most this share of the limit in use (idle, the app instance uses about 20 %). */
const MAX_USED_RATIO = 0.6;
const MB = 1024 * 1024;
const MAX_GROWTH_BYTES = 8 * MB;
/** Still growing by this much 8 s after the first sample: something fills the machine. */
const MAX_SETTLED_GROWTH_BYTES = 40 * MB;
const SAMPLE_MS = 3000;
const SETTLE_MS = 5000;
const fail = (message: string): Verdict => ({ passed: false, message });
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

async function memoryProblem(ctx: CheckContext, when: string): Promise<string | null> {
  const first = await ctx.observe.usage("app");
  await sleep(SAMPLE_MS);
  let last: UsageFacts = await ctx.observe.usage("app");
  const limit = last.memoryLimitBytes;
  if (limit <= 0) return null;
  const tooMuch = (u: UsageFacts) =>
    u.memoryBytes > MAX_USED_RATIO * limit
      ? `the app instance ${when} uses ${mb(u.memoryBytes)} of its ${mb(limit)} of memory`
      : null;
  if (tooMuch(last)) return tooMuch(last);
  // Growing: an app that just restarted warms up by a few tens of MB; what fills the machine does not stop.
  if (last.memoryBytes - first.memoryBytes > MAX_GROWTH_BYTES) {
    await sleep(SETTLE_MS);
    last = await ctx.observe.usage("app");
    if (tooMuch(last)) return tooMuch(last);
    const grew = last.memoryBytes - first.memoryBytes;
    if (grew > MAX_SETTLED_GROWTH_BYTES)
      return `the app instance's memory ${when} grows by ${mb(grew)} in ${(SAMPLE_MS + SETTLE_MS) / 1000} s (now ${mb(last.memoryBytes)} of ${mb(limit)})`;
  }
  return null;
}

async function judge(ctx: CheckContext, when: string): Promise<Verdict | null> {
  const memory = await memoryProblem(ctx, when);
  if (memory) return fail(`Memory is still short: ${memory}.`);
  const shop = await shopServes(ctx.observe);
  if (!shop.ok) {
    if (shop.busy) return unjudged("The machine answers too slowly right now to tell; try again in a minute.");
    return fail(`The shop still misbehaves ${when}: ${shop.problem}.`);
  }
  return null;
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const now = await judge(ctx, "now");
  if (now) return now;

  ctx.log("rebooting the app instance to prove memory stays free");
  await ctx.restart("app");
  const booted = Date.now();
  const back = await ctx.waitUntil(
    async () => (await ctx.observe.direct("app", 3000, "/healthz", { timeoutMs: 2000 })).status === 200,
    90_000,
  );
  if (!back) {
    const memory = await memoryProblem(ctx, "after a reboot");
    if (memory) return fail(`The app does not come back after a reboot of its instance: ${memory}.`);
    return unjudged("The app did not answer within 90 s of a reboot of its instance; try again in a minute.");
  }
  // Give whatever starts at boot or on a schedule time to start and grow.
  const settle = (PERIODIC_SECONDS + 5) * 1000 - (Date.now() - booted);
  if (settle > 0) await sleep(settle);
  const later = await judge(ctx, "after a reboot");
  if (later) return later;

  const usage = await ctx.observe.usage("app");
  return {
    passed: true,
    message: `The shop answers on both sides of the proxy and the app instance uses ${mb(usage.memoryBytes)} of ${mb(usage.memoryLimitBytes)}, also after a reboot.`,
  };
}
