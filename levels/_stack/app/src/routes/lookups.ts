/** GET /api/products/by-sku?sku=, /api/products/by-number?number=, /api/products/arrivals?day=YYYY-MM-DD */
import { HttpError, sendJson } from "../http-util";
import { ARRIVALS_PAGE_SIZE, ARRIVALS_PAGE_SQL, BY_NUMBER_SQL, BY_SKU_SQL } from "../lookup-queries";
import type { Handler } from "../server";

function required(url: URL, name: string, pattern: RegExp): string {
  const value = (url.searchParams.get(name) ?? "").trim();
  if (!pattern.test(value)) throw new HttpError(400, `${name} is missing or malformed`);
  return value;
}

export const productBySku: Handler = async (ctx, _req, res, url) => {
  const sku = required(url, "sku", /^[A-Za-z0-9-]{1,40}$/);
  const { rows } = await ctx.pool.query(BY_SKU_SQL, [sku]);
  sendJson(res, 200, { sku, items: rows });
};

export const productByNumber: Handler = async (ctx, _req, res, url) => {
  const number = required(url, "number", /^\d{1,18}$/);
  const { rows } = await ctx.pool.query(BY_NUMBER_SQL, [number]);
  sendJson(res, 200, { number, items: rows });
};

export const arrivals: Handler = async (ctx, _req, res, url) => {
  const day = required(url, "day", /^\d{4}-\d{2}-\d{2}$/);
  const { rows } = await ctx.pool.query(ARRIVALS_PAGE_SQL, [day, ARRIVALS_PAGE_SIZE]);
  sendJson(res, 200, { day, items: rows });
};
