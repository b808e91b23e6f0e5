/**
 * Fixed when, from observations the player cannot rewrite:
 *   - customers' writes work through the proxy: an upload that reads back with the same bytes
 *     (straight from the app and in the database) and a sign-up the database has;
 *   - the app's data volume has room and keeps it: free space measured by the volume keeper's df
 *     (not the player's), at least 50 %, not shrinking between two samples;
 *   - the writer is gone, not just blinded: no process of it is left, stopped or blocked
 *     (a FIFO or a /dev/null link in place of its file would leave it alive);
 *   - all of that again after the engine reboots the app instance (a service merely stopped
 *     but still enabled starts again at boot).
 */
import { unjudged, type CheckContext, type Verdict } from "../_sdk";
import { baseline } from "../_lib/baseline";
import { requestJson, shown } from "../_lib/http";
import { uploadAndReadBack } from "../_lib/upload";
import { sleep } from "../_lib/shell";
import { VOLUME, percentFree } from "./volume";
import { describeProcess, writerProcesses } from "./writer";

const MIN_FREE_PERCENT = 50;
const MAX_GROWTH_BYTES = 2 * 1024 * 1024;
const SAMPLE_MS = 2500;
const WRITE_TIMEOUT_MS = 20_000;
const BUSY = "The shop answers too slowly right now to tell (even browsing the products is slow).";
const fail = (message: string): Verdict => ({ passed: false, message });

/** Writes customers do: an upload and a sign-up, each proved stored. What failed (`silent`: no answer at all), or null. */
async function writesFail(ctx: CheckContext): Promise<{ problem: string; silent: boolean } | null> {
  const upload = await uploadAndReadBack(ctx.observe, 64 * 1024, { timeoutMs: WRITE_TIMEOUT_MS });
  if (!upload.stored) return { problem: `an upload ${upload.problem}`, silent: upload.status === 0 };
  const email = `dana.${Date.now().toString(36)}@example.com`;
  const signup = await requestJson(ctx.observe, "/api/users", {
    method: "POST",
    json: { name: "Dana Check", email },
    timeoutMs: WRITE_TIMEOUT_MS,
  });
  if (signup.status !== 201)
    return {
      problem: `a sign-up answers ${signup.status || "nothing"}${signup.json?.error ? `: ${shown(signup.json.error)}` : ""}`,
      silent: signup.status === 0,
    };
  const id = (signup.json?.user as { id?: unknown } | undefined)?.id;
  const rows = await ctx.observe.sql("SELECT id::text AS id FROM public.users WHERE email = $1", [email]);
  if (rows[0]?.id === undefined || rows[0].id !== String(id))
    return { problem: "a sign-up answers 201, but the new customer is not in the database", silent: false };
  return null;
}

/** Room now and still room a moment later (nothing refilling it). */
async function roomProblem(ctx: CheckContext, when: string): Promise<string | null> {
  const first = await ctx.observe.volume("app", VOLUME);
  await sleep(SAMPLE_MS);
  const second = await ctx.observe.volume("app", VOLUME);
  if (percentFree(second) < MIN_FREE_PERCENT) return `${VOLUME} is only ${percentFree(second)}% free ${when}`;
  const lost = first.availBytes - second.availBytes;
  if (lost > MAX_GROWTH_BYTES)
    return `${VOLUME} lost ${(lost / 1024 / 1024).toFixed(1)} MB of free space in ${SAMPLE_MS / 1000} s ${when}: something is still writing there`;
  return null;
}

/** The writer still alive in any state (stopped, blocked on a FIFO, writing to /dev/null). */
async function writerProblem(ctx: CheckContext, when: string): Promise<string | null> {
  const left = writerProcesses(await ctx.observe.processes("app"), ctx.params.service ?? "");
  const [first] = left;
  if (!first) return null;
  return `${VOLUME} has room ${when}, but the process that filled it is still alive on the app instance (${describeProcess(first)}${left.length > 1 ? `, and ${left.length - 1} more` : ""}): nothing stops it from writing again.`;
}

/** A failed (or unjudged, when the host is too slow to tell) verdict, or null when all is right. */
async function judge(ctx: CheckContext, when: string): Promise<Verdict | null> {
  const failing = await writesFail(ctx);
  if (failing) {
    // A full disk answers 500 at once; no answer at all may be a host too busy to answer anything.
    if (failing.silent && !(await baseline(ctx.observe, "/api/products?page=1", 3000)).answers) return unjudged(BUSY);
    return fail(`Customers still cannot save everything ${when}: ${failing.problem}.`);
  }
  const room = await roomProblem(ctx, when);
  if (room) return fail(`Writes work for the moment, but ${room}.`);
  const writer = await writerProblem(ctx, when);
  return writer ? fail(writer) : null;
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const now = await judge(ctx, "now");
  if (now) return now;

  ctx.log("rebooting the app instance to prove the disk stays free");
  await ctx.restart("app");
  const back = await ctx.waitUntil(
    async () => (await ctx.observe.direct("app", 3000, "/healthz", { timeoutMs: 2000 })).status === 200,
    90_000,
  );
  if (!back) return { passed: false, message: "The app does not answer within 90 s of a reboot of its instance." };
  const later = await judge(ctx, "after a reboot of the app instance");
  if (later) return later;

  const usage = await ctx.observe.volume("app", VOLUME);
  return {
    passed: true,
    message: `Uploads and sign-ups are stored, ${VOLUME} is ${percentFree(usage)}% free and stays so after a reboot of the app instance.`,
  };
}
