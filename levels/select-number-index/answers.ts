/** A lookup as a customer gets it, through the proxy or straight from the app: the product ids it lists. */
export { SIDES, get, sideName, type Side } from "../_lib/sides";
export { readIds, type ListAnswer } from "../_lib/product-list";
