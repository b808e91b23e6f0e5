/** GET /api/products?q=&page= and GET /api/products/:id */
import { HttpError, intParam, sendJson } from "../http-util";
import {
  LIST_COUNT_SQL,
  LIST_PAGE_SQL,
  PAGE_SIZE,
  SEARCH_COUNT_SQL,
  SEARCH_PAGE_SQL,
  searchPattern,
} from "../products-query";
import type { AppContext, Handler } from "../server";

export interface ProductPage {
  q: string;
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  items: Record<string, unknown>[];
}

export async function findProducts(ctx: AppContext, q: string, page: number): Promise<ProductPage> {
  const offset = (page - 1) * PAGE_SIZE;
  const [rows, count] = q
    ? await Promise.all([
        ctx.pool.query(SEARCH_PAGE_SQL, [searchPattern(q), PAGE_SIZE, offset]),
        ctx.pool.query<{ total: number }>(SEARCH_COUNT_SQL, [searchPattern(q)]),
      ])
    : await Promise.all([
        ctx.pool.query(LIST_PAGE_SQL, [PAGE_SIZE, offset]),
        ctx.pool.query<{ total: string }>(LIST_COUNT_SQL),
      ]);
  const total = Number(count.rows[0]?.total ?? 0);
  return { q, page, pageSize: PAGE_SIZE, total, pages: Math.ceil(total / PAGE_SIZE), items: rows.rows };
}

export const listProducts: Handler = async (ctx, _req, res, url) => {
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = intParam(url.searchParams.get("page"), 1, 1, 100_000);
  sendJson(res, 200, await findProducts(ctx, q, page));
};

export const getProduct: Handler = async (ctx, _req, res, _url, match) => {
  const { rows } = await ctx.pool.query("SELECT * FROM products WHERE id = $1", [match[1]]);
  if (!rows[0]) throw new HttpError(404, `no product ${match[1]}`);
  sendJson(res, 200, { product: rows[0] });
};
