/**
 * The app server's time zone is changed to a far-off zone (in the app's
 * configuration or the server's /etc/localtime) and the app restarted. The app
 * computes "today" on its local clock while the database keeps UTC: users
 * created now fall outside "today's" list. The zone is chosen now, among the
 * variant's candidates, so that its date differs from UTC's for as long as
 * possible: the fault shows at any time of day.
 */
import type { LevelContext } from "../_sdk";
import { requestJson } from "../_lib/http";
import { mustExec, shq, waitFor } from "../_lib/shell";
import { pickZone } from "./zones";

export default async function fault(ctx: LevelContext): Promise<void> {
  const { eastZone, westZone, source, ticket } = ctx.params;
  const zone = pickZone([String(eastZone), String(westZone)], new Date());
  ctx.log(`moving the app to ${zone} (${source})`);

  const change =
    source === "env"
      ? `sed -i 's|^TZ=.*|# CHG-${ticket}: run in the APAC launch market time zone\\nTZ=${zone}|' /etc/app/app.env`
      : `sed -i '/^TZ=/d' /etc/app/app.env && ln -sfn /usr/share/zoneinfo/${zone} /etc/localtime && echo ${shq(zone)} > /etc/timezone`;
  await mustExec(ctx, "app", `set -e\ntest -e /usr/share/zoneinfo/${zone}\n${change}\nsv restart app >/dev/null`);

  const moved = await waitFor(
    async () => {
      const res = await requestJson(ctx, "/healthz", { timeoutMs: 2000 });
      return res.json?.timeZone === zone ? true : undefined;
    },
    20_000,
    500,
  );
  if (!moved) throw new Error(`the app did not come back on ${zone}`);
}
