/**
 * Fixed when, from observations the player cannot rewrite:
 *   - an upload through the proxy reads back byte for byte from the app and is in the database;
 *   - the engine reboots the app instance, which empties its RAM disk (/run) and with it the directory the
 *     uploads rely on; with nobody touching the machine, an upload works again. A directory made by hand
 *     (or by a loop, or a login hook) is gone then; code that makes what it needs, or proper temporary-file
 *     handling, is not.
 */
import { unjudged, type CheckContext, type Verdict } from "../_sdk";
import { baseline } from "../_lib/baseline";
import { uploadAndReadBack } from "../_lib/upload";

const BOOT_MS = 45_000;
const BUSY = "The shop answers too slowly right now to tell (even browsing the products is slow).";
const fail = (message: string): Verdict => ({ passed: false, message });

async function uploadProblem(ctx: CheckContext, when: string): Promise<Verdict | null> {
  const upload = await uploadAndReadBack(ctx.observe, 64 * 1024, { timeoutMs: 15_000 });
  if (upload.stored) return null;
  if (upload.status === 0 && !(await baseline(ctx.observe, "/api/products?page=1", 3000)).answers)
    return unjudged(BUSY);
  return fail(`Uploads still fail ${when}: an upload ${upload.problem}.`);
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const now = await uploadProblem(ctx, "now");
  if (now) return now;

  ctx.log("rebooting the app instance: uploads must keep working with nobody touching the machine");
  await ctx.restart("app");
  const back = await ctx.waitUntil(
    async () => (await ctx.observe.direct("app", 3000, "/healthz", { timeoutMs: 2000 })).status === 200,
    BOOT_MS,
    1000,
  );
  if (!back) return fail(`The app does not answer within ${BOOT_MS / 1000} s of a reboot of its instance.`);
  const later = await uploadProblem(ctx, "after a reboot of the app instance");
  if (later) return later;
  return {
    passed: true,
    message: "Uploads are stored and read back, and keep working after a reboot of the app instance.",
  };
}
