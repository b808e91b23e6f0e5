/**
 * What the check asks one side of the proxy (through it, or straight at the app), as the front end's
 * browser would and as a foreign site would, judged by the browser's CORS rules (../_lib/cors.ts).
 * Returns the first problem a user or operator would see, or null.
 */
import { randomBytes } from "node:crypto";
import type { CheckContext, HttpInit, HttpResult } from "../_sdk";
import { corsCheck, preflightCheck, preflightHeaders, varyProblem, type CorsRequest } from "../_lib/cors";

export type Send = (path: string, init: HttpInit) => Promise<HttpResult>;

const LIST = "/api/products?page=1";
const SEARCH_HEADERS = { "x-requested-with": "XMLHttpRequest" };
const SIGNUP_HEADERS = { "content-type": "application/json", "x-requested-with": "XMLHttpRequest" };

function answered(r: HttpResult, what: string): string | null {
  if (r.status === 0) return `${what} got no answer (${r.error ?? "no response"})`;
  return null;
}

/**
 * The app with no CORS policy at all (nothing configured: it answers no preflight and sends no
 * Access-Control-* header), which is right when the proxy owns the policy. A policy that denies the
 * front end (a preflight answered 204 without allowing it) is not "none".
 */
async function noPolicy(send: Send, apiHost: string, frontEnd: string): Promise<boolean> {
  const req: CorsRequest = { origin: frontEnd, method: "GET", headers: SEARCH_HEADERS, credentials: true };
  const pre = await send(LIST, { method: "OPTIONS", headers: { host: apiHost, ...preflightHeaders(req) } });
  const r = await send(LIST, { headers: { host: apiHost, origin: frontEnd, ...SEARCH_HEADERS } });
  const cors = (h: Record<string, string>) => Object.keys(h).some((k) => k.startsWith("access-control-"));
  return pre.status >= 400 && pre.status < 500 && !cors(pre.headers) && r.status === 200 && !cors(r.headers);
}

/** The front end's calls: both preflights allowed, the list readable and the shop's own products. */
async function frontEndProblem(
  ctx: CheckContext,
  send: Send,
  apiHost: string,
  frontEnd: string,
): Promise<string | null> {
  const search: CorsRequest = { origin: frontEnd, method: "GET", headers: SEARCH_HEADERS, credentials: true };
  const signup: CorsRequest = { origin: frontEnd, method: "POST", headers: SIGNUP_HEADERS, credentials: true };
  for (const [req, path, what] of [
    [search, LIST, "the product list"],
    [signup, "/api/users", "the sign-up"],
  ] as const) {
    const pre = await send(path, { method: "OPTIONS", headers: { host: apiHost, ...preflightHeaders(req) } });
    const gone = answered(pre, `the browser's preflight for ${what}`);
    if (gone) return gone;
    const ok = preflightCheck(req, pre.status, pre.headers);
    if (!ok.ok) return `the browser blocks ${what} from ${frontEnd}: ${ok.reason}`;
  }
  const r = await send(LIST, { headers: { host: apiHost, origin: frontEnd, ...SEARCH_HEADERS } });
  const gone = answered(r, "the product list");
  if (gone) return gone;
  const readable = corsCheck(search, r.headers);
  if (!readable.ok) return `the browser blocks the product list from ${frontEnd}: ${readable.reason}`;
  if (r.status !== 200) return `the product list answers ${r.status}`;
  let first: { id?: unknown; name?: unknown } | undefined;
  try {
    first = (JSON.parse(r.body) as { items?: { id?: unknown; name?: unknown }[] }).items?.[0];
  } catch {
    return "the product list is not JSON";
  }
  if (!first) return "the product list is empty";
  const rows = await ctx.observe.sql("SELECT 1 AS ok FROM public.products WHERE id = $1 AND name = $2", [
    Number(first.id),
    String(first.name),
  ]);
  if (!rows.length) return "the product list shows a product the shop does not have";
  return null;
}

/** Other sites: never allowed (not reflected, not `*`), and the answers say they vary by Origin. */
async function foreignProblem(send: Send, apiHost: string, frontEnd: string, domain: string): Promise<string | null> {
  const tag = randomBytes(3).toString("hex");
  const foreign = [`http://shop-${tag}.example`, `${frontEnd}.${tag}.example`, `http://${tag}.${domain}`, "null"];
  const allowedAnswer = await send(LIST, { headers: { host: apiHost, origin: frontEnd, ...SEARCH_HEADERS } });
  for (const origin of foreign) {
    const r = await send(LIST, { headers: { host: apiHost, origin, ...SEARCH_HEADERS } });
    const gone = answered(r, "the product list");
    if (gone) return gone;
    const acao = (r.headers["access-control-allow-origin"] ?? "").trim();
    if (acao === "*") return `any website may read the API (Access-Control-Allow-Origin: * for ${origin})`;
    if (acao === origin) return `the API lets another website (${origin}) read its answers with the customer's cookies`;
    const vary = varyProblem(allowedAnswer.headers, r.headers);
    if (vary) return vary;
  }
  const req: CorsRequest = { origin: foreign[0] as string, method: "POST", headers: SIGNUP_HEADERS, credentials: true };
  const pre = await send("/api/users", { method: "OPTIONS", headers: { host: apiHost, ...preflightHeaders(req) } });
  if (preflightCheck(req, pre.status, pre.headers).ok)
    return `the API's preflight lets another website (${req.origin}) post with the customer's cookies`;
  return null;
}

export async function sideProblem(
  ctx: CheckContext,
  send: Send,
  o: { api: string; frontEnd: string; domain: string },
  opts: { policyMayBeElsewhere?: boolean } = {},
): Promise<string | null> {
  if (opts.policyMayBeElsewhere && (await noPolicy(send, o.api, o.frontEnd))) return null;
  return (
    (await frontEndProblem(ctx, send, o.api, o.frontEnd)) ?? (await foreignProblem(send, o.api, o.frontEnd, o.domain))
  );
}
