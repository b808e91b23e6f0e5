/**
 * Fixed when, judged by behaviour only (no config text is read):
 *   - a customer's 2 MB upload through the proxy is stored: it reads back with the same bytes
 *     straight from the app, and the database has it (uploadAndReadBack);
 *   - the proxy still has a limit: announcing a 150 MB body gets nginx's own 413 at once (with no
 *     limit, or an absurd one, nginx waits for the body; with its buffering off the app answers);
 *   - the same after a reboot of the proxy instance: the configuration on disk is what runs.
 * A fix saved but not reloaded fails the first round: customers still get 413 right now.
 */
import { unjudged, type CheckContext, type HttpResult, type Verdict } from "../_sdk";
import { baseline } from "../_lib/baseline";
import { uploadAndReadBack } from "../_lib/upload";
import { PROBE_BYTES, UPLOAD_BYTES } from "./nginx-config";

const upload = `${UPLOAD_BYTES / 1_000_000} MB`;
const probe = `${PROBE_BYTES / 1024 / 1024} MB`;
/** POST paths whose bodies the proxy must limit: where uploads happen, and the rest of the shop. */
const LIMITED = ["/api/uploads", "/api/users"] as const;
/** The app's own refusal of an announced upload over its MAX_UPLOAD_MB (so the proxy passed it on). */
const APP_REFUSAL = /uploads are limited to|body larger than/;
/** nginx refuses an announced body over its limit at once; a proxy without one waits for the body. */
const PROBE_TIMEOUT_MS = 5000;

const BUSY = "The environment answers too slowly right now to tell (even a plain page is slow).";
const fail = (message: string): Verdict => ({ passed: false, message });

/** Problem with the proxy's limit on `path`, or null when nginx refuses the huge body itself. */
function limitProblem(path: string, res: HttpResult): string | null {
  if (res.status === 413 && !APP_REFUSAL.test(res.body)) return null;
  const what = `a ${probe} request to ${path}`;
  if (res.status === 413)
    return `the proxy passes ${what} on to the app instead of refusing it: keep a limit at the proxy, just a large enough one.`;
  if (res.status === 0)
    return `the proxy waits for the body of ${what} instead of refusing it at once: its limit is switched off or far too high. Keep a limit (the app refuses more than 25 MB anyway).`;
  return `${what} answers ${res.status} instead of 413 (Request Entity Too Large).`;
}

/** A failed (or unjudged, when the host is too slow to tell) verdict, or null when all is right. */
async function judge(ctx: CheckContext, when: string): Promise<Verdict | null> {
  const proof = await uploadAndReadBack(ctx.observe, UPLOAD_BYTES, { timeoutMs: 20_000 });
  if (!proof.stored) {
    if (proof.status === 413)
      return fail(`A ${upload} upload through the proxy ${when}still gets 413 (Request Entity Too Large).`);
    // No answer at all: broken, or a host too busy to answer anything in time?
    if (proof.status === 0 && !(await baseline(ctx.observe, "/api/products?page=1", 3000)).answers)
      return unjudged(BUSY);
    return fail(`A ${upload} upload through the proxy ${when}${proof.problem}.`);
  }
  const probes = await Promise.all(
    LIMITED.map((path) =>
      ctx.observe.http(path, { method: "POST", announceBytes: PROBE_BYTES, timeoutMs: PROBE_TIMEOUT_MS }),
    ),
  );
  for (const [i, path] of LIMITED.entries()) {
    const res = probes[i] as HttpResult;
    const problem = limitProblem(path, res);
    if (!problem) continue;
    // nginx's 413 is instant; waiting means no limit, unless nginx is too starved to answer anything.
    if (res.status === 0 && !(await baseline(ctx.observe, "/nginx-health", 1500)).answers) return unjudged(BUSY);
    return fail(`Uploads are stored again ${when}but ${problem}`);
  }
  return null;
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const now = await judge(ctx, "");
  if (now) return now;

  ctx.log("rebooting the proxy instance to prove the fix is saved, not only loaded");
  await ctx.restart("proxy");
  const back = await ctx.waitUntil(
    async () => (await ctx.observe.http("/nginx-health", { timeoutMs: 2000 })).status > 0,
    60_000,
  );
  if (!back)
    return { passed: false, message: "After a reboot of the proxy instance, nothing answers on port 80 for a minute." };
  const later = await judge(ctx, "after a reboot of the proxy instance ");
  if (later) return later;

  return {
    passed: true,
    message: `A ${upload} upload through the proxy is stored and reads back intact, a ${probe} one is still refused, and both hold after a reboot of the proxy.`,
  };
}
