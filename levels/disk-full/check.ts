/**
 * Fixed when: uploads and sign-ups work, the app's data volume has room and
 * stops growing, and all of that still holds after the app instance reboots
 * (whatever filled the disk must not come back at boot).
 */
import { randomBytes } from "node:crypto";
import type { LevelContext, Verdict } from "../_sdk";
import { requestJson, shown } from "../_lib/http";
import { sleep } from "../_lib/shell";
import { VOLUME, percentFree, volumeUsage } from "./volume";

const MIN_FREE_PERCENT = 50;
const MAX_GROWTH_BYTES = 2 * 1024 * 1024;

/** Writes customers do: an upload and a sign-up. Returns what failed, or null. */
async function writesFail(ctx: LevelContext): Promise<string | null> {
  const upload = await requestJson(ctx, "/api/uploads", {
    method: "POST",
    body: randomBytes(64 * 1024),
    headers: { "content-type": "application/octet-stream", "x-filename": "check.bin" },
  });
  if (upload.status !== 201)
    return `uploads fail (${upload.status || "no answer"}${upload.json?.error ? `: ${shown(upload.json.error)}` : ""})`;
  const stamp = Date.now();
  const signup = await requestJson(ctx, "/api/users", {
    method: "POST",
    json: { name: "Disk Check", email: `disk-check-${stamp}@example.com` },
  });
  if (signup.status !== 201)
    return `sign-ups fail (${signup.status || "no answer"}${signup.json?.error ? `: ${shown(signup.json.error)}` : ""})`;
  return null;
}

/** Room now and still room a moment later (nothing refilling it). */
async function roomProblem(ctx: LevelContext, when: string): Promise<string | null> {
  const first = await volumeUsage(ctx);
  if (!first) return `df cannot read ${VOLUME} ${when}`;
  await sleep(2500);
  const second = await volumeUsage(ctx);
  if (!second) return `df cannot read ${VOLUME} ${when}`;
  if (percentFree(second) < MIN_FREE_PERCENT) return `${VOLUME} is only ${percentFree(second)}% free ${when}`;
  const grown = first.availBytes - second.availBytes;
  if (grown > MAX_GROWTH_BYTES)
    return `${VOLUME} lost ${Math.round(grown / 1024 / 1024)} MB of free space in 2.5 s ${when}: something is still writing there`;
  return null;
}

export default async function check(ctx: LevelContext): Promise<Verdict> {
  const failing = await writesFail(ctx);
  if (failing) return { passed: false, message: `Customers still cannot save anything: ${failing}.` };
  const now = await roomProblem(ctx, "now");
  if (now) return { passed: false, message: `Writes work for the moment, but ${now}.` };

  ctx.log("rebooting the app instance to prove the disk stays free");
  await ctx.restart("app");
  if (!(await ctx.waitHealthy("app", 30_000)))
    return { passed: false, message: "The app instance does not come back healthy after a restart." };
  const later = await roomProblem(ctx, "after a reboot of the app instance");
  if (later)
    return { passed: false, message: `The disk fills up again: ${later}. Whatever wrote there starts again at boot.` };
  const failingLater = await writesFail(ctx);
  if (failingLater) return { passed: false, message: `After a reboot of the app instance ${failingLater}.` };

  const usage = await volumeUsage(ctx);
  return {
    passed: true,
    message: `Uploads and sign-ups work, ${VOLUME} is ${usage ? percentFree(usage) : "?"}% free and stays so after a reboot.`,
  };
}
