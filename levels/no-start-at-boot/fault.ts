/**
 * The app instance's boot is broken in one of several ways, then the instance is rebooted
 * (as the hosting provider's maintenance would): the machine comes back, the shop does not.
 *   down-file       a runit `down` file left in the service from a maintenance window
 *   link-removed    the service's link in /etc/service removed (runsvdir no longer supervises it)
 *   env-moved       the configuration the run script loads moved aside by a config-management run
 *   not-executable  the run script restored from a backup without its executable bit
 *   wrong-exec      the run script starts a bundle path that a build change renamed
 * Before the reboot the app keeps running, so nobody noticed the change.
 */
import type { LevelContext } from "../_sdk";
import { mustExec, sleep } from "../_lib/shell";
import { breakBoot } from "./mechanisms";

export default async function fault(ctx: LevelContext): Promise<void> {
  const mechanism = String(ctx.params.mechanism);
  ctx.log(`breaking the app's boot (${mechanism}), then rebooting the app instance`);
  await mustExec(ctx, "app", breakBoot(mechanism, Number(ctx.params.ticket)));
  await ctx.restart("app");
  // The app boots in about 4 s when its boot works: give it twice that, then it must still be silent.
  await sleep(8000);
  const health = await ctx.observe.direct("app", 3000, "/healthz", { timeoutMs: 2000 });
  if (health.status !== 0) throw new Error(`the app still answers after the reboot (${health.status})`);
}
