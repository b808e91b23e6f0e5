/**
 * Fixed when, from observations the player cannot rewrite:
 *   - nothing on the app instance wants the CPU all the time: the host's `ps` of it, sampled eight
 *     times, shows a lasting process running (state R) in fewer than 6 of them, whatever the processes are
 *     called or their nice value, and the engine's CPU figure for the app instance is low. Several processes
 *     running all the time, or one with a high CPU figure, fail; a lone one on a saturated host (the app
 *     itself waits for a CPU there) makes the check say it could not judge;
 *   - the database is not serving a dump (a `COPY … TO stdout` session, seen by pinned SQL) in two readings:
 *     a backup only niced, throttled (cpulimit's SIGSTOP/SIGCONT) or paused still holds its export open;
 *   - the shop answers a search with the database's products through the proxy and at the app;
 *   - all of that again after the engine reboots the app instance and 20 s have passed (a service, a job
 *     runner or the app's run script would have started the job again by then).
 * Durations are never judged: a loaded host makes everything slower but does not make a process sleep.
 */
import { unjudged, type CheckContext, type Verdict } from "../_sdk";
import { sampleBusy, type BusyInstance } from "../_lib/busy-processes";
import { PERIODIC_SECONDS } from "../_lib/respawn";
import { shopServes } from "../_lib/shop-search";
import { runningExports } from "./exports";

/**
 * The app instance's own CPU use (engine) above which it is not "back", percent of one CPU. The customers'
 * thumbnails alone take about 30 % on this host and more on a slower one or a freshly rebooted app (CI read
 * 35.6 % after a correct fix); a hog that matters takes a whole CPU, and any running backup fails on its export.
 */
const MAX_APP_CPU = 50;
const BUSY_HOST = "The shop answers too slowly right now to tell; try again in a minute.";
const BUSY_CPU =
  "Every process of the app instance waits for a CPU right now: the machine is too loaded to tell; try again in a minute.";
const fail = (message: string): Verdict => ({ passed: false, message });

function describe(b: BusyInstance): string {
  const top = b.top ? `; pid ${b.top.pid} alone in ${b.top.running}` : "";
  return `something was running in ${b.busySamples} of ${b.samples} samples of its processes${top}`;
}

/**
 * A failed verdict, "ambiguous" when one lone process kept running but the engine saw the instance use little
 * CPU (on a saturated host even the app waits for a CPU all the time: that cannot be told from a hog), or null.
 */
async function cpuProblem(ctx: CheckContext, when: string): Promise<Verdict | "ambiguous" | null> {
  const before = await runningExports(ctx.observe);
  const r = await sampleBusy(ctx.observe, ["app"]);
  // Seen before and after the samples: a dump that takes seconds, not a query that happened to be running. Judged
  // first: the database's word holds however slowly the host answered the samples.
  if (before > 0 && (await runningExports(ctx.observe)) > 0)
    return fail(`The database is still busy exporting whole tables ${when}, several seconds in a row.`);
  // A slow engine spreads the samples out but does not change what each one shows: a hog is runnable in nearly
  // all of them however far apart they are, and one that is only running now and then is no hog.
  const app = r.instances[0];
  if (!app) return "ambiguous";
  const busy = app.busySamples >= 0.75 * app.samples;
  if (busy && (app.heavy.length >= 2 || app.cpuPercent > MAX_APP_CPU))
    return fail(
      `The app instance's CPU is still taken ${when}: ${describe(app)}; it uses ${app.cpuPercent}% of a CPU.`,
    );
  if (app.cpuPercent > MAX_APP_CPU)
    return fail(`The app instance ${when} still uses ${app.cpuPercent}% of a CPU with light traffic.`);
  if (!busy) return null;
  // Something runnable in nearly every sample with little CPU: on a saturated host that is the app itself waiting for
  // a CPU between its customers' requests, or short-lived processes (healthchecks) caught waiting. A job that eats
  // the CPU keeps one lasting process runnable: none (or only the process runit's `app` service runs, its
  // supervisor's one child) means the instance is not busy; a lone other one cannot be told from a hog there.
  if (app.heavy.length === 0 || (app.heavy.length === 1 && (await isTheApp(ctx, app.heavy[0] ?? -1)))) return null;
  ctx.log(`could not judge the CPU ${when}: ${describe(app)}, ${app.cpuPercent}% of a CPU`);
  return "ambiguous";
}

/** Is `pid` the process the app's supervisor (`runsv app`) runs? */
async function isTheApp(ctx: CheckContext, pid: number): Promise<boolean> {
  const list = await ctx.observe.processes("app");
  const proc = list.find((p) => p.pid === pid);
  const parent = proc && list.find((p) => p.pid === proc.ppid);
  return parent?.command.trim() === "runsv app" && parent.uid === 0;
}

/** What one check could not tell, so far. */
interface Doubts {
  /** A search timed out while the CPU looked fine or could not be told. */
  shopTooSlow: boolean;
}

async function judge(ctx: CheckContext, when: string, doubts: Doubts): Promise<Verdict | "ambiguous" | null> {
  const cpu = await cpuProblem(ctx, when);
  if (cpu && cpu !== "ambiguous") return cpu;
  const shop = await shopServes(ctx.observe);
  if (shop.ok) return cpu;
  if (!shop.busy) return fail(`The shop still misbehaves ${when}: ${shop.problem}.`);
  // Too slow to tell (a hog makes the shop slow too): keep watching, a reboot may show what runs.
  ctx.log(`could not judge the shop ${when}: ${shop.problem}`);
  doubts.shopTooSlow = true;
  return "ambiguous";
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  // An ambiguous reading is not a verdict: keep watching, and say "could not judge" if nothing else fails.
  let ambiguous = false;
  const doubts: Doubts = { shopTooSlow: false };
  const now = await judge(ctx, "now", doubts);
  if (now === "ambiguous") ambiguous = true;
  else if (now) return now;

  ctx.log("rebooting the app instance to prove the CPU stays free");
  await ctx.restart("app");
  const booted = Date.now();
  const back = await ctx.waitUntil(
    async () => (await ctx.observe.direct("app", 3000, "/healthz", { timeoutMs: 2000 })).status === 200,
    90_000,
  );
  if (!back) return unjudged("The app did not answer within 90 s of a reboot of its instance; try again in a minute.");
  // Watch until whatever starts at boot, with the app or on a schedule has had its chance.
  while (Date.now() - booted < (PERIODIC_SECONDS + 5) * 1000) {
    const cpu = await cpuProblem(ctx, "after a reboot");
    if (cpu === "ambiguous") ambiguous = true;
    else if (cpu) return cpu;
  }
  const later = await judge(ctx, "after a reboot", doubts);
  if (later === "ambiguous") ambiguous = true;
  else if (later) return later;
  if (doubts.shopTooSlow) return unjudged(BUSY_HOST);
  if (ambiguous) return unjudged(BUSY_CPU);
  return {
    passed: true,
    message:
      "Nothing keeps the app instance's CPU busy, also 20 s after a reboot, and the shop answers on both sides of the proxy.",
  };
}
