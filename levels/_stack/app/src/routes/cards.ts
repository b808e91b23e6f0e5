/**
 * GET /api/products/cards?q=&page=: the search page's product cards, a search's page of products
 * each with its thumbnail drawn by the app (thumbnail.ts) as a data URL. The app's CPU-heavy path.
 */
import { intParam, sendJson } from "../http-util";
import type { Handler } from "../server";
import { thumbnailPng } from "../thumbnail";
import { findProducts } from "./products";

export const productCards: Handler = async (ctx, _req, res, url) => {
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = intParam(url.searchParams.get("page"), 1, 1, 100_000);
  const found = await findProducts(ctx, q, page);
  const items = found.items.map((p) => ({
    ...p,
    thumbnail: `data:image/png;base64,${thumbnailPng(String(p.sku ?? p.id)).toString("base64")}`,
  }));
  sendJson(res, 200, { ...found, items });
};
