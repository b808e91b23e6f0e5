/**
 * GET /api/products/by-sku?sku=a,b,c   GET /api/products/by-number?number=1,2,3   (up to five keys, answered in order)
 * GET /api/products/arrivals?day=YYYY-MM-DD                                      (a page and the day's total)
 */
import { HttpError, sendJson } from "../http-util";
import {
  ARRIVALS_COUNT_SQL,
  ARRIVALS_PAGE_SIZE,
  ARRIVALS_PAGE_SQL,
  BY_NUMBER_SQL,
  BY_SKU_SQL,
  MAX_LOOKUP_KEYS,
} from "../lookup-queries";
import type { AppContext, Handler } from "../server";

function keys(url: URL, name: string, pattern: RegExp): string[] {
  const values = (url.searchParams.get(name) ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0 || values.length > MAX_LOOKUP_KEYS || !values.every((v) => pattern.test(v)))
    throw new HttpError(400, `${name} must list 1 to ${MAX_LOOKUP_KEYS} values, separated by commas`);
  return values;
}

/** One query per key, in the order the customer gave them. */
async function lookUp(ctx: AppContext, sql: string, values: string[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (const value of values) items.push(...(await ctx.pool.query<Record<string, unknown>>(sql, [value])).rows);
  return items;
}

export const productBySku: Handler = async (ctx, _req, res, url) => {
  const skus = keys(url, "sku", /^[A-Za-z0-9-]{1,40}$/);
  sendJson(res, 200, { skus, items: await lookUp(ctx, BY_SKU_SQL, skus) });
};

export const productByNumber: Handler = async (ctx, _req, res, url) => {
  const numbers = keys(url, "number", /^\d{1,18}$/);
  sendJson(res, 200, { numbers, items: await lookUp(ctx, BY_NUMBER_SQL, numbers) });
};

export const arrivals: Handler = async (ctx, _req, res, url) => {
  const day = (url.searchParams.get("day") ?? "").trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new HttpError(400, "day must be YYYY-MM-DD");
  const page = await ctx.pool.query(ARRIVALS_PAGE_SQL, [day, ARRIVALS_PAGE_SIZE]);
  const count = await ctx.pool.query<{ total: number }>(ARRIVALS_COUNT_SQL, [day]);
  sendJson(res, 200, { day, total: Number(count.rows[0]?.total ?? 0), items: page.rows });
};
