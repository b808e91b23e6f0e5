/**
 * Quick lookups the storefront's "find it fast" box uses: a product by its SKU (customers type it in
 * any case), by its product number (as printed on invoices) and the products added on one day
 * ("new arrivals"). Written in a hurry for the autumn campaign (SHOP-2291).
 */
export const LOOKUP_COLUMNS = "id, sku, name, brand, category, price_cents, stock, created_at";
export const ARRIVALS_PAGE_SIZE = 20;

/** Case-insensitive: "c90-0500000" finds "C90-0500000". */
export const BY_SKU_SQL = `SELECT ${LOOKUP_COLUMNS} FROM products WHERE lower(sku) = lower($1)`;
/** Product numbers come from the URL as text; numeric holds any number a customer can type. */
export const BY_NUMBER_SQL = `SELECT ${LOOKUP_COLUMNS} FROM products WHERE id = $1::numeric`;
/** New arrivals of one calendar day (UTC, the database's zone). */
export const ARRIVALS_PAGE_SQL = `SELECT ${LOOKUP_COLUMNS} FROM products WHERE created_at::date = $1::date ORDER BY created_at, id LIMIT $2`;
