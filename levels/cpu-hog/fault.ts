/**
 * A database backup taken from the app instance and compressed there, several streams at the
 * strongest setting, again and again: the app instance's CPU (and the environment's, which the
 * database shares) is taken. What starts it again is the variant (levels/_lib/respawn.ts): its own
 * runit service, the team's periodic job runner, or a line in the app's own run script.
 */
import type { LevelContext } from "../_sdk";
import { sampleBusy } from "../_lib/busy-processes";
import { installJob, isRespawner } from "../_lib/respawn";
import { mustExec, waitFor } from "../_lib/shell";
import { BACKUP_DIR_SETUP, backupScript } from "./job";

export default async function fault(ctx: LevelContext): Promise<void> {
  const { job, ticket, streams, respawner } = ctx.params;
  if (!isRespawner(respawner)) throw new Error(`unknown respawner ${String(respawner)}`);
  const name = String(job);
  ctx.log(`starting the ${name} backup job (${String(streams)} streams, ${respawner})`);
  const body = backupScript({ job: name, ticket: ticket ?? 0, streams: Number(streams) });
  await mustExec(
    ctx,
    "app",
    `${BACKUP_DIR_SETUP}\n${installJob(respawner, name, `database backup, OPS-${ticket}`, body)}`,
  );
  const busy = await waitFor(
    async () => {
      const r = await sampleBusy(ctx.observe, ["app"], 6, 300).catch(() => undefined);
      return r && r.busy.length > 0 ? r : undefined;
    },
    120_000,
    500,
  );
  if (!busy) throw new Error(`${name} did not keep the CPU busy`);
}
