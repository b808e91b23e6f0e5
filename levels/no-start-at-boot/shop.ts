/**
 * The shop answers as itself, on both sides of the proxy: the first product page through the proxy and
 * straight from the app lists products the database has (by id and name), and an upload through the
 * proxy reads back byte for byte from the app and is in the database. Null when all is right.
 */
import type { CheckContext, HttpResult } from "../_sdk";
import { uploadAndReadBack } from "../_lib/upload";

const PAGE = "/api/products?page=1";

async function productsProblem(ctx: CheckContext, res: HttpResult, side: string): Promise<string | null> {
  if (res.status !== 200) return `the product list ${side} answers ${res.status || res.error || "nothing"}`;
  let first: { id?: unknown; name?: unknown } | undefined;
  try {
    const json = JSON.parse(res.body) as { items?: { id?: unknown; name?: unknown }[] };
    first = Array.isArray(json.items) ? json.items[0] : undefined;
  } catch {
    first = undefined;
  }
  if (!first) return `the product list ${side} is empty or not the shop's answer`;
  const rows = await ctx.observe.sql("SELECT name FROM public.products WHERE id::text = $1", [String(first.id)]);
  if (rows[0]?.name === undefined || rows[0].name !== first.name)
    return `the product list ${side} shows products the shop does not sell`;
  return null;
}

export async function shopProblem(ctx: CheckContext): Promise<string | null> {
  const proxied = await ctx.observe.http(PAGE, { timeoutMs: 8000 });
  const viaProxy = await productsProblem(ctx, proxied, "through the shop's address");
  if (viaProxy) return viaProxy;
  const direct = await ctx.observe.direct("app", 3000, PAGE, { timeoutMs: 8000 });
  const atApp = await productsProblem(ctx, direct, "on the app instance's port 3000");
  if (atApp) return atApp;
  const upload = await uploadAndReadBack(ctx.observe, 16 * 1024, { timeoutMs: 15_000 });
  return upload.stored ? null : `an upload ${upload.problem}`;
}
