/**
 * The front end on http://www.<domain> can use the API on http://api.<domain> again, as a browser
 * judges it: its preflights and answers allow exactly its origin with credentials, other sites are
 * not allowed (not `*`, not reflected), answers that vary by Origin say so, the products are the
 * shop's. Through the proxy (what customers reach) and straight at the app (which owns the policy),
 * then again after a reboot of both (their files, not their memory).
 */
import type { CheckContext, Verdict } from "../_sdk";
import { origins } from "./origins";
import { sideProblem, type Send } from "./probe";

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const domain = String(ctx.params.domain);
  const { api, frontEnd } = origins(domain);
  const o = { api, frontEnd, domain };
  const viaProxy: Send = (path, init) => ctx.observe.http(path, { timeoutMs: 5000, ...init });
  const atApp: Send = (path, init) => ctx.observe.direct("app", 3000, path, { timeoutMs: 5000, ...init });

  const judge = async (when: string): Promise<Verdict | null> => {
    const proxied = await sideProblem(ctx, viaProxy, o);
    if (proxied) return { passed: false, message: `Through the shop's address${when}, ${proxied}.` };
    // The app may leave CORS to the proxy entirely (no policy of its own); a policy that denies is wrong.
    const direct = await sideProblem(ctx, atApp, o, { policyMayBeElsewhere: true });
    if (direct) return { passed: false, message: `At the app itself (behind the proxy)${when}, ${direct}.` };
    return null;
  };

  // A restart the player has just made is not a verdict: give the API a few seconds to answer at all.
  const apiUp = () =>
    ctx.waitUntil(async () => (await viaProxy("/healthz", { headers: { host: api } })).status === 200, 15_000, 500);
  if (!(await apiUp())) return { passed: false, message: "The API does not answer through the shop's address." };

  const now = await judge("");
  if (now) return now;

  // Both instances hold CORS configuration (app.env, nginx): a fix must live in their files, not in memory.
  ctx.log("rebooting the proxy and the app");
  await Promise.all([ctx.restart("proxy"), ctx.restart("app")]);
  const up = await ctx.waitUntil(
    async () => (await viaProxy("/healthz", { headers: { host: api } })).status === 200,
    40_000,
    500,
  );
  if (!up) return { passed: false, message: "After a reboot, the API does not answer through the shop's address." };
  const after = await judge(" after a reboot");
  if (after) return after;
  return {
    passed: true,
    message: `The front end (${frontEnd}) reads the API again, preflights included, other sites are kept out, and it survives a reboot.`,
  };
}
