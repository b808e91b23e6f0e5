/**
 * The sorted catalogue (GET /api/catalogue?sort=&page=): every product, 20 a page, in the order the
 * customer picked. Pages are numbered; each answer links the next one.
 */
export const CATALOGUE_PAGE_SIZE = 20;
/** Enough pages for the whole catalogue (1.2 million products). */
export const CATALOGUE_MAX_PAGE = 60_000;

const COLUMNS = "id, sku, name, brand, category, price_cents, stock, created_at";

/** The sort orders customers can pick. */
export const CATALOGUE_ORDER: Record<string, string> = {
  price: "price_cents, id",
  newest: "created_at DESC, id DESC",
  brand: "brand, category",
};

export function cataloguePageSql(sort: string): string {
  return `SELECT ${COLUMNS} FROM products ORDER BY ${CATALOGUE_ORDER[sort]} LIMIT $1 OFFSET $2`;
}
