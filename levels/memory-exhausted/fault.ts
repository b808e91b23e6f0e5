/**
 * A "cache warmer" left running on the app instance holds a large share of its memory and rebuilds
 * it every few seconds with a second set of workers (job.ts): between rebuilds the instance keeps
 * some room (a shell works), during each one it runs out and the OOM killer takes the app, which
 * runit restarts: requests fail now and then, and hang. What starts the job again is the variant
 * (levels/_lib/respawn.ts): its own runit service, the team's periodic job runner, or a line in
 * the app's own run script.
 */
import type { LevelContext } from "../_sdk";
import { installJob, isRespawner } from "../_lib/respawn";
import { mustExec, waitFor } from "../_lib/shell";
import { WORKERS, cacheScript } from "./job";

/** The instance holds at least this share of its limit once the cache is built. */
export const FULL_RATIO = 0.55;

export default async function fault(ctx: LevelContext): Promise<void> {
  const { job, ticket, respawner } = ctx.params;
  if (!isRespawner(respawner)) throw new Error(`unknown respawner ${String(respawner)}`);
  const name = String(job);
  ctx.log(`starting the ${name} job (${WORKERS} workers, ${respawner})`);
  const body = cacheScript({ job: name, ticket: ticket ?? 0 });
  await mustExec(ctx, "app", installJob(respawner, name, `report cache warmer, OPS-${ticket}`, body));
  const full = await waitFor(
    async () => {
      const u = await ctx.observe.usage("app").catch(() => undefined);
      return u && u.memoryLimitBytes > 0 && u.memoryBytes >= FULL_RATIO * u.memoryLimitBytes ? u : undefined;
    },
    45_000,
    1000,
  );
  if (!full) throw new Error(`${name} did not fill the app instance's memory`);
}
