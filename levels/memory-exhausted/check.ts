/**
 * Fixed when, from observations the player cannot rewrite:
 *   - the app instance's memory (the engine's count for its cgroup: processes, stopped or not, and
 *     tmpfs files alike), sampled every second for 10 s (longer than a job that rebuilds or refills
 *     every few seconds takes), stays under 45 % of its limit (3 samples over fail) and is not growing,
 *     whatever the processes are called; the window opens once the app answers and memory a fix is
 *     still giving back has stopped falling (a second-old fix is judged by what it leaves, not by its exit);
 *   - the shop answers a search with the database's products through the proxy and at the app;
 *   - all of that again after the engine reboots the app instance and the machine has run a while
 *     (whatever started the job at boot, on a schedule or with the app would have started it again).
 */
import { unjudged, type CheckContext, type UsageFacts, type Verdict } from "../_sdk";
import { sleep } from "../_lib/shell";
import { shopServes } from "../_lib/shop-search";
import { PERIODIC_SECONDS } from "../_lib/respawn";

/** At most this share of the limit in use at any moment (idle, the app instance uses about 20 %). */
const MAX_USED_RATIO = 0.45;
const MB = 1024 * 1024;
/** Still growing by this much over the window: something fills the machine (a restarted app warms up by less). */
const MAX_GROWTH_BYTES = 40 * MB;
/** Samples one second apart over a window longer than anything that rebuilds or refills every few seconds. */
const SAMPLES = 10;
const SAMPLE_MS = 1000;
/** Samples over the line that fail. */
const MAX_OVER = 3;
const fail = (message: string): Verdict => ({ passed: false, message });
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/**
 * Memory a fix a moment ago is still giving back (killed workers exiting, a restarted app past its
 * start-up peak): while the figure is over the line and falls by at least SETTLE_STEP each second,
 * wait, up to SETTLE_MS. Nothing is judged here: the window that follows is as strict as ever, so a
 * job that holds or refills memory fails just the same, only later.
 */
const SETTLE_STEP_BYTES = 1 * MB;
const SETTLE_MS = 15_000;

async function letMemorySettle(ctx: CheckContext): Promise<void> {
  const until = Date.now() + SETTLE_MS;
  let prev = await ctx.observe.usage("app");
  while (Date.now() < until) {
    if (prev.memoryLimitBytes <= 0 || prev.memoryBytes <= MAX_USED_RATIO * prev.memoryLimitBytes) return;
    await sleep(SAMPLE_MS);
    const u = await ctx.observe.usage("app");
    if (u.memoryBytes > prev.memoryBytes - SETTLE_STEP_BYTES) return;
    prev = u;
  }
}

async function memoryProblem(ctx: CheckContext, when: string): Promise<string | null> {
  await letMemorySettle(ctx);
  const seen: UsageFacts[] = [];
  let over = 0;
  for (let i = 0; i < SAMPLES; i++) {
    if (i > 0) await sleep(SAMPLE_MS);
    const u = await ctx.observe.usage("app");
    seen.push(u);
    // A few samples over the line are enough to say so (one may be what a fix a second ago is still freeing);
    // a pass needs the whole window.
    if (u.memoryLimitBytes > 0 && u.memoryBytes > MAX_USED_RATIO * u.memoryLimitBytes && ++over >= MAX_OVER)
      return `the app instance ${when} uses ${mb(u.memoryBytes)} of its ${mb(u.memoryLimitBytes)} of memory`;
  }
  const limit = Math.max(...seen.map((u) => u.memoryLimitBytes));
  if (limit <= 0) return null;
  const first = seen[0]?.memoryBytes ?? 0;
  const last = seen[seen.length - 1]?.memoryBytes ?? 0;
  if (last - first > MAX_GROWTH_BYTES)
    return `the app instance's memory ${when} grows by ${mb(last - first)} in ${((SAMPLES - 1) * SAMPLE_MS) / 1000} s (now ${mb(last)} of ${mb(limit)})`;
  return null;
}

/** The app answers its health check (it may have just been restarted): a starting app is not judged yet. */
async function appUp(ctx: CheckContext, timeoutMs: number): Promise<boolean> {
  return ctx.waitUntil(
    async () => (await ctx.observe.direct("app", 3000, "/healthz", { timeoutMs: 2000 })).status === 200,
    timeoutMs,
  );
}

async function judge(ctx: CheckContext, when: string): Promise<Verdict | null> {
  // A restarted app's start-up peak is not what it holds: wait until it answers (short when it does).
  await appUp(ctx, 30_000);
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
  const back = await appUp(ctx, 90_000);
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
