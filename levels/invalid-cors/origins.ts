/**
 * The shop's two origins in this level: the front end's pages at http://www.<domain> and its API at
 * http://api.<domain>, both served by the proxy on :80 (name-based hosts), the API proxied to the app.
 * The app owns the CORS policy (app.env, the app's src/cors.ts); nginx passes it through.
 */
export const APP_ENV = "/etc/app/app.env";
export const API_SITE = "/etc/nginx/sites-available/api.conf";
export const ORIGIN_MAP = "/etc/nginx/conf.d/cors-origins.conf";

/** How the front end's origin is denied (the level's `mechanism` parameter). */
export const MECHANISMS = [
  "app-origin",
  "app-headers",
  "star-credentials",
  "nginx-preflight",
  "nginx-origin-map",
] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export function origins(domain: string) {
  return { pages: `www.${domain}`, api: `api.${domain}`, frontEnd: `http://www.${domain}` };
}
