/**
 * The shop's new front end lives on its own origin (http://www.<domain>) and calls the API on
 * http://api.<domain>: the proxy serves both names, the app allows the front end's origin (app.env).
 * Then one change denies that origin, by one of five mechanisms (the `mechanism` parameter):
 *   app-origin        app.env's allow-list names the origin as https:// (a "TLS everywhere" change)
 *   app-headers       app.env's allowed request headers replaced by `Authorization` (partner tokens)
 *   star-credentials  app.env's allow-list opened to `*` while credentials stay allowed
 *   nginx-preflight   the API's nginx site answers every OPTIONS itself with an empty 204
 *   nginx-origin-map  nginx overrides the app's CORS headers from a map that names the old origin
 * Every API call of the front end needs a preflight (it sends X-Requested-With, or a JSON body) and
 * sends cookies, so in every variant the browser refuses every API call.
 */
import type { LevelContext } from "../_sdk";
import { preflightCheck, preflightHeaders } from "../_lib/cors";
import { mustExec, waitFor } from "../_lib/shell";
import { API_SITE, APP_ENV, ORIGIN_MAP, origins } from "./origins";

function setupScripts(domain: string, ticket: string) {
  const o = origins(domain);
  const proxy = `set -e
cat > ${API_SITE} <<'NGINX'
# The shop's API for the new front end (${o.frontEnd} calls http://${o.api}): FE-${ticket}.
# CORS is the app's job (/etc/app/app.env): nginx passes its headers through.
server {
    listen 80;
    server_name ${o.api};

    client_max_body_size 25m;
    resolver 127.0.0.11 valid=10s ipv6=off;
    set $app http://app:3000;

    location / {
        proxy_pass $app;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Request-Id $request_id;
        proxy_read_timeout 30s;
    }
}
NGINX
ln -sf ${API_SITE} /etc/nginx/sites-enabled/api.conf
nginx -t -q
sv reload nginx >/dev/null`;
  const app = `set -e
cat >> ${APP_ENV} <<'ENV'
# Cross-origin access for the front end at ${o.frontEnd} (FE-${ticket}); see src/cors.ts.
CORS_ALLOWED_ORIGINS=${o.frontEnd}
CORS_ALLOW_CREDENTIALS=true
CORS_ALLOW_HEADERS="Content-Type, X-Requested-With"
CORS_ALLOW_METHODS="GET, POST"
ENV
sv restart app >/dev/null`;
  return { proxy, app };
}

function setEnv(name: string, value: string, note: string): string {
  return `set -e
sed -i '/^${name}=/d' ${APP_ENV}
printf '# %s\\n%s=%s\\n' ${JSON.stringify(note)} ${name} ${JSON.stringify(value)} >> ${APP_ENV}
sv restart app >/dev/null`;
}

/** The change that denies the front end's origin: [instance, script]. */
export function breakScript(mechanism: string, domain: string, ticket: string): [string, string] {
  const o = origins(domain);
  switch (mechanism) {
    case "app-origin":
      return [
        "app",
        setEnv("CORS_ALLOWED_ORIGINS", `https://www.${domain}`, `SEC-${ticket}: TLS everywhere, https origins only`),
      ];
    case "app-headers":
      return ["app", setEnv("CORS_ALLOW_HEADERS", "Authorization", `PART-${ticket}: partner API tokens`)];
    case "star-credentials":
      return ["app", setEnv("CORS_ALLOWED_ORIGINS", "*", `PART-${ticket}: open the API to partner sites`)];
    case "nginx-preflight":
      return [
        "proxy",
        `set -e
sed -i 's|^\\(\\s*\\)location / {|&\\n\\1    # PERF-${ticket}: answer preflights at the edge, the app does not need to see them\\n\\1    if ($request_method = OPTIONS) {\\n\\1        return 204;\\n\\1    }|' ${API_SITE}
nginx -t -q
sv reload nginx >/dev/null`,
      ];
    case "nginx-origin-map":
      return [
        "proxy",
        `set -e
cat > ${ORIGIN_MAP} <<'NGINX'
# SEC-${ticket}: the edge decides which sites may call the API (one list for every backend).
map $http_origin $cors_allow_origin {
    default "";
    "https://www.${domain}" $http_origin;
    "https://admin.${domain}" $http_origin;
}
NGINX
sed -i 's|^\\(\\s*\\)location / {|&\\n\\1    # SEC-${ticket}: CORS answered from the edge list (conf.d/cors-origins.conf)\\n\\1    proxy_hide_header Access-Control-Allow-Origin;\\n\\1    proxy_hide_header Access-Control-Allow-Credentials;\\n\\1    add_header Access-Control-Allow-Origin $cors_allow_origin always;\\n\\1    add_header Access-Control-Allow-Credentials true always;|' ${API_SITE}
nginx -t -q
sv reload nginx >/dev/null`,
      ];
    default:
      throw new Error(`unknown mechanism ${mechanism} (front end ${o.frontEnd})`);
  }
}

export default async function fault(ctx: LevelContext): Promise<void> {
  const domain = String(ctx.params.domain);
  const ticket = String(ctx.params.ticket ?? 0);
  const mechanism = String(ctx.params.mechanism);
  const o = origins(domain);
  const setup = setupScripts(domain, ticket);
  ctx.log(`front end at ${o.frontEnd}, API at http://${o.api}`);
  await mustExec(ctx, "proxy", setup.proxy);
  await mustExec(ctx, "app", setup.app);

  // The preflight of the front end's searches, as a browser sends it, judged as a browser does.
  const req = {
    origin: o.frontEnd,
    method: "GET",
    headers: { "x-requested-with": "XMLHttpRequest" },
    credentials: true,
  };
  const preflight = async (): Promise<"allowed" | "denied" | undefined> => {
    const r = await ctx.http("/api/products?page=1", {
      method: "OPTIONS",
      headers: { host: o.api, ...preflightHeaders(req) },
    });
    if (r.status < 200 || r.status > 299) return undefined; // the app is restarting
    return preflightCheck(req, r.status, r.headers).ok ? "allowed" : "denied";
  };
  const until = (want: string) => waitFor(async () => ((await preflight()) === want ? true : undefined), 20_000, 300);
  if (!(await until("allowed"))) throw new Error("the front end's origin is not allowed after the setup");

  ctx.log(`denying the front end's origin (${mechanism})`);
  const [instance, script] = breakScript(mechanism, domain, ticket);
  await mustExec(ctx, instance, script);
  if (!(await until("denied"))) throw new Error(`the front end's origin is still allowed after ${mechanism}`);
}
