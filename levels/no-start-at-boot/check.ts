/**
 * Fixed when, from observations the player cannot rewrite:
 *   - the shop answers as itself on both sides of the proxy (products the database has, an upload that
 *     reads back from the app and is stored), and every node process on the app instance runs under
 *     runit's supervision (a hand-started or orphaned app would not come back after a crash);
 *   - the engine reboots the app instance and, with nobody touching it, all of that holds again.
 */
import { unjudged, type CheckContext, type Verdict } from "../_sdk";
import { baseline } from "../_lib/baseline";
import { shopProblem } from "./shop";
import { describe, supervision } from "./supervision";

const BOOT_MS = 45_000;
const fail = (message: string): Verdict => ({ passed: false, message });

async function judge(ctx: CheckContext, when: string): Promise<Verdict | null> {
  const problem = await shopProblem(ctx);
  if (problem) return fail(`The shop does not work ${when}: ${problem}.`);
  const { nodes, unsupervised } = supervision(await ctx.observe.processes("app"));
  if (nodes.length === 0) return unjudged("The shop answers, but its process could not be seen on the app instance.");
  const [first] = unsupervised;
  if (first)
    return fail(
      `The shop answers ${when}, but its process is not supervised (${describe(first)}): if it stops, nothing starts it again.`,
    );
  return null;
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  // Nothing at all answering may be a host too busy to answer: nginx alone must answer first.
  if (!(await baseline(ctx.observe, "/nginx-health", 3000)).answers)
    return unjudged("The shop's entry point answers too slowly right now to tell.");
  const now = await judge(ctx, "now");
  if (now) return now;

  ctx.log("rebooting the app instance: the shop must come back on its own");
  await ctx.restart("app");
  const back = await ctx.waitUntil(
    async () => (await ctx.observe.direct("app", 3000, "/healthz", { timeoutMs: 2000 })).status === 200,
    BOOT_MS,
    1000,
  );
  if (!back)
    return fail(
      `The app instance was rebooted and the shop does not answer within ${BOOT_MS / 1000} s: nothing on port 3000.`,
    );
  const later = await judge(ctx, "after a reboot of the app instance");
  if (later) return later;
  return {
    passed: true,
    message:
      "The shop comes back on its own after a reboot of the app instance, supervised, with its real products and uploads.",
  };
}
