/**
 * A debugging service left enabled on the app instance writes as fast as it
 * can into the app's data volume (/var/lib/app, 16 MB: volumeSizes in level.yaml) and keeps the file open.
 * runit restarts it if it is killed, and starts it again at every boot.
 */
import type { LevelContext } from "../_sdk";
import { enableService } from "../_lib/runit";
import { mustExec, waitFor } from "../_lib/shell";
import { VOLUME, fillerPath } from "./volume";

export default async function fault(ctx: LevelContext): Promise<void> {
  const { service, dir, ticket } = ctx.params;
  const path = fillerPath(ctx.params);
  const line = `DEBUG ${service}: captured request method=POST path=/api/users headers={accept:*/*,user-agent:Mozilla/5.0} body={name:…,email:…} latency_ms=12`;
  ctx.log(`enabling the ${service} service, writing ${path}`);
  await mustExec(
    ctx,
    "app",
    [
      `set -e`,
      `mkdir -p /etc/sv/${service}`,
      `cat > /etc/sv/${service}/run <<'RUN'`,
      `#!/bin/sh`,
      `# ${service}: capture every request for INC-${ticket}. Temporary: disable when the incident is closed.`,
      `exec 2>&1`,
      `install -d -o app -g app /var/lib/app/${dir}`,
      `exec chpst -u app:app sh -c 'exec >>${path}; while :; do yes "$(date -u +%FT%TZ) ${line}" 2>/dev/null; sleep 1; done'`,
      `RUN`,
      `chmod 755 /etc/sv/${service}/run`,
      ...enableService(String(service)),
    ].join("\n"),
  );
  const full = await waitFor(
    async () => {
      // One failed measurement (a busy engine) is not the end: measure again.
      const usage = await ctx.observe.volume("app", VOLUME).catch(() => undefined);
      return usage && usage.availBytes < 1024 * 1024 ? usage : undefined;
    },
    20_000,
    150,
  );
  if (!full) throw new Error(`${service} did not fill /var/lib/app`);
}
