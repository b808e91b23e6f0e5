/**
 * The app server's time zone is changed to a far-off zone (in the app's
 * configuration or the server's /etc/localtime) and the app restarted. The app
 * computes "today" on its local clock while the database keeps UTC: users
 * created now fall outside "today's" list. The zone is chosen now, among the
 * variant's candidates, so that its date differs from UTC's for as long as
 * possible: the fault shows at any time of day.
 *
 * Pooled (pre-broken) environments wait before a player claims them, so the zone
 * chosen when the pool was filled may no longer differ from UTC's: `onClaim` runs at
 * claim and moves the app to the zone right for that moment when it is not there.
 */
import type { LevelContext } from "../_sdk";
import { requestJson } from "../_lib/http";
import { mustExec, shq, waitFor } from "../_lib/shell";
import { minutesOff, pickZone } from "./zones";

async function appZoneNow(ctx: LevelContext): Promise<string | undefined> {
  const res = await requestJson(ctx, "/healthz", { timeoutMs: 2000 });
  return typeof res.json?.timeZone === "string" ? res.json.timeZone : undefined;
}

async function moveApp(ctx: LevelContext, zone: string, note: boolean): Promise<void> {
  const { source, ticket } = ctx.params;
  const comment = note ? `# CHG-${ticket}: run in the APAC launch market time zone\\n` : "";
  const change =
    source === "env"
      ? `sed -i 's|^TZ=.*|${comment}TZ=${zone}|' /etc/app/app.env`
      : `sed -i '/^TZ=/d' /etc/app/app.env && ln -sfn /usr/share/zoneinfo/${zone} /etc/localtime && echo ${shq(zone)} > /etc/timezone`;
  await mustExec(ctx, "app", `set -e\ntest -e /usr/share/zoneinfo/${zone}\n${change}\nsv restart app >/dev/null`);
  const moved = await waitFor(async () => ((await appZoneNow(ctx)) === zone ? true : undefined), 20_000, 500);
  if (!moved) throw new Error(`the app did not come back on ${zone}`);
}

export default async function fault(ctx: LevelContext): Promise<void> {
  const { eastZone, westZone, source } = ctx.params;
  const zone = pickZone([String(eastZone), String(westZone)], new Date());
  ctx.log(`moving the app to ${zone} (${source})`);
  await moveApp(ctx, zone, true);
}

/** At claim: keep the pool's zone while it serves the coming hour as well as the best choice now, else move. */
export async function onClaim(ctx: LevelContext): Promise<void> {
  const { eastZone, westZone } = ctx.params;
  const now = new Date();
  const best = pickZone([String(eastZone), String(westZone)], now);
  const current = await waitFor(() => appZoneNow(ctx), 20_000, 500);
  if (current && minutesOff(current, now) >= minutesOff(best, now)) {
    ctx.log(`the app stays on ${current}`);
    return;
  }
  ctx.log(`moving the app from ${current ?? "?"} to ${best} (the pool's zone no longer shows the fault)`);
  await moveApp(ctx, best, false);
}
