/**
 * Quick lookups the storefront's "quick order" box uses: products by SKU (customers paste up to five,
 * in any case), by product number (as printed on invoices, up to five) and the products added on one
 * day ("new arrivals", a page and the day's total). Written in a hurry for the autumn campaign (SHOP-2291).
 */
export const LOOKUP_COLUMNS = "id, sku, name, brand, category, price_cents, stock, created_at";
export const ARRIVALS_PAGE_SIZE = 20;
export const MAX_LOOKUP_KEYS = 5;

/** Case-insensitive: "c90-0500000" finds "C90-0500000". */
export const BY_SKU_SQL = `SELECT ${LOOKUP_COLUMNS} FROM products WHERE lower(sku) = lower($1) ORDER BY id`;
/** Product numbers come from the URL as text; numeric holds any number a customer can type. */
export const BY_NUMBER_SQL = `SELECT ${LOOKUP_COLUMNS} FROM products WHERE id = $1::numeric`;
/** New arrivals of one calendar day (UTC, the database's zone). */
export const ARRIVALS_PAGE_SQL = `SELECT ${LOOKUP_COLUMNS} FROM products WHERE created_at::date = $1::date ORDER BY created_at, id LIMIT $2`;
export const ARRIVALS_COUNT_SQL = `SELECT count(*)::int AS total FROM products WHERE created_at::date = $1::date`;
