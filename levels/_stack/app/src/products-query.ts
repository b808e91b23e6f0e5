/**
 * The product list and search queries. A search matches the name, the SKU or
 * the brand anywhere in the text (ILIKE '%term%'); the trigram indexes of
 * migration 0004 keep that fast on a million products.
 */
export const PAGE_SIZE = 20;

const COLUMNS = "id, sku, name, brand, category, price_cents, stock";
const SEARCH = "name ILIKE $1 OR sku ILIKE $1 OR brand ILIKE $1";

export const SEARCH_PAGE_SQL = `SELECT ${COLUMNS} FROM products WHERE ${SEARCH} ORDER BY id LIMIT $2 OFFSET $3`;
export const SEARCH_COUNT_SQL = `SELECT count(*)::int AS total FROM products WHERE ${SEARCH}`;
export const LIST_PAGE_SQL = `SELECT ${COLUMNS} FROM products ORDER BY id LIMIT $1 OFFSET $2`;
/** The planner's estimate: an exact count(*) of the whole table would read all of it on every page view. */
export const LIST_COUNT_SQL = `SELECT reltuples::bigint AS total FROM pg_class WHERE oid = 'products'::regclass`;

/** 'steel lamp' → '%steel lamp%', with LIKE's wildcards in the term taken literally. */
export function searchPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
