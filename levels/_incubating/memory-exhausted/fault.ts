/**
 * A "cache warmer" left running on the app instance holds more and more memory, in several
 * workers, until the instance's memory limit is almost reached: the app is starved (its pages are
 * reclaimed, it is killed and restarted by runit) and requests hang or fail. What starts the job
 * again is the variant (levels/_lib/respawn.ts): its own runit service, the team's periodic job
 * runner, or a line in the app's own run script.
 */
import type { LevelContext } from "../../_sdk";
import { installJob, isRespawner } from "../../_lib/respawn";
import { mustExec, waitFor } from "../../_lib/shell";
import { cacheScript } from "./job";

export const FULL_RATIO = 0.85;

export default async function fault(ctx: LevelContext): Promise<void> {
  const { job, ticket, runtime, respawner } = ctx.params;
  if (!isRespawner(respawner)) throw new Error(`unknown respawner ${String(respawner)}`);
  const name = String(job);
  ctx.log(`starting the ${name} job (${String(runtime)} workers, ${respawner})`);
  const body = cacheScript({ job: name, ticket: ticket ?? 0, runtime: String(runtime), workers: 6 });
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
