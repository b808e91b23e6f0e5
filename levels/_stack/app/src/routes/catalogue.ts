/** GET /api/catalogue?sort=price|newest|brand&page=N: one page of the sorted catalogue and the next page's link. */
import { HttpError, intParam, sendJson } from "../http-util";
import { CATALOGUE_MAX_PAGE, CATALOGUE_ORDER, CATALOGUE_PAGE_SIZE, cataloguePageSql } from "../catalogue-query";
import type { Handler } from "../server";

export const catalogue: Handler = async (ctx, _req, res, url) => {
  const sort = url.searchParams.get("sort") ?? "price";
  if (!Object.hasOwn(CATALOGUE_ORDER, sort))
    throw new HttpError(400, `sort must be one of ${Object.keys(CATALOGUE_ORDER).join(", ")}`);
  const page = intParam(url.searchParams.get("page"), 1, 1, CATALOGUE_MAX_PAGE);
  const offset = (page - 1) * CATALOGUE_PAGE_SIZE;
  const { rows } = await ctx.pool.query(cataloguePageSql(sort), [CATALOGUE_PAGE_SIZE, offset]);
  const next = rows.length === CATALOGUE_PAGE_SIZE ? `/api/catalogue?sort=${sort}&page=${page + 1}` : null;
  sendJson(res, 200, { sort, page, items: rows, next });
};
