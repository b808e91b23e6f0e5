/**
 * A change (CHG-<ticket>) makes uploads rely on a directory under /run/app, the app's runtime directory
 * on the RAM disk: partial uploads staged there, a virus-scan queue, or the system's TMPDIR. Whoever
 * deployed it created the directory by hand; it worked. Then the instance rebooted, /run came back
 * empty, and every upload answers 500. The run script only makes /run/app itself (as a runtime directory).
 */
import type { LevelContext } from "../_sdk";
import { mustExec, shq, sleep } from "../_lib/shell";
import { uploadAndReadBack } from "../_lib/upload";
import { DIRECTORY, changeConfig, changeUploads } from "./code-change";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const writeFile = (path: string, text: string) => `printf %s ${shq(b64(text))} | base64 -d > ${path}`;

async function appAnswers(ctx: LevelContext, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await ctx.observe.direct("app", 3000, "/healthz", { timeoutMs: 2000 })).status === 200) return true;
    await sleep(500);
  }
  return false;
}

export default async function fault(ctx: LevelContext): Promise<void> {
  const mechanism = String(ctx.params.mechanism);
  const ticket = Number(ctx.params.ticket);
  const dir = DIRECTORY[mechanism];
  if (!dir) throw new Error(`unknown mechanism ${mechanism}`);
  ctx.log(`deploying CHG-${ticket} (${mechanism}: ${dir.path})`);

  const uploads = (await mustExec(ctx, "app", "cat /srv/app/src/routes/uploads.ts")).stdout;
  const config = (await mustExec(ctx, "app", "cat /srv/app/src/config.ts")).stdout;
  await mustExec(
    ctx,
    "app",
    [
      "set -e",
      writeFile("/srv/app/src/routes/uploads.ts", changeUploads(uploads, mechanism, ticket)),
      writeFile("/srv/app/src/config.ts", changeConfig(config, mechanism)),
      // The runtime directory, made at every start as systemd's RuntimeDirectory= would; what goes in it is the app's.
      `sed -i 's|^set -a$|# CHG-${ticket}: runtime directory of the app, on the RAM disk (/run is emptied at every boot).\\ninstall -d -o app -g app -m 0750 /run/app\\nset -a|' /etc/sv/app/run`,
      "grep -q '^install -d -o app -g app -m 0750 /run/app$' /etc/sv/app/run",
      `printf '\\n# CHG-${ticket}: uploads (see src/routes/uploads.ts)\\n${dir.env}=${dir.path}\\n' >> /etc/app/app.env`,
      // Made by hand on the day of the deploy.
      `install -d -o app -g app -m 0750 /run/app ${dir.path}`,
      "deploy >/dev/null",
    ].join("\n"),
    { timeoutMs: 60_000 },
  );
  if (!(await appAnswers(ctx, 30_000))) throw new Error("the app does not answer after the deploy");
  const before = await uploadAndReadBack(ctx.observe, 1024, { timeoutMs: 10_000 });
  if (!before.stored) throw new Error(`uploads do not work after the deploy: ${before.problem}`);

  ctx.log("rebooting the app instance (the night's host maintenance)");
  await ctx.restart("app");
  if (!(await appAnswers(ctx, 60_000))) throw new Error("the app does not answer after the reboot");
  const after = await uploadAndReadBack(ctx.observe, 1024, { timeoutMs: 10_000 });
  if (after.stored) throw new Error("uploads still work after the reboot");
  if (after.status !== 500) throw new Error(`uploads answer ${after.status} after the reboot, not 500`);
}
