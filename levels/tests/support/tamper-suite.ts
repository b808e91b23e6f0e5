/**
 * The shared tampering every level's check must see through (issue 10): what a player who is
 * root in the instances would try to make "Check my fix" pass without fixing anything. Each
 * class is one named list of shell steps, the same shape as a manifest's `tampers`, run as root
 * through the orchestrator's exec exactly like a player's terminal. level-suite.ts applies them
 * cumulatively to a broken environment and asserts that the check still fails.
 *
 * The classes, in the order they are applied:
 *   sql-shadow-catalog       views in `public` named like the catalog views a check might read
 *                            (pg_stat_activity, pg_locks, pg_indexes, pg_stat_user_indexes,
 *                            pg_class, pg_settings) answering "all clear", and public.pg_blocking_pids;
 *   sql-role-settings        role/database settings that would put those views first and bend plans
 *                            and results for the check's role (search_path, enable_*, time zone…);
 *   proxy-canned-by-agent    nginx answers tools (User-Agent firedrill/node/curl/…) with canned pages and JSON;
 *   proxy-canned-by-source   …and every request from the environment network's gateway (the host,
 *                            where the checks and the mock client come from);
 *   path-wrappers            "all clear" scripts in /usr/local/sbin (before /usr/bin on PATH) for
 *                            psql, curl, df, du, nginx, sv, ps, pg_isready, stat, date, ls;
 *   tty-wrappers             the real psql, curl, df moved aside; in their place wrappers that behave
 *                            with a terminal and lie without one (`[ -t 0 ]`);
 *   sv-noop                  /usr/bin/sv that does nothing for restart/stop/down/term…;
 *   app-impostor             the app's runit service runs a small impostor on :3000 instead (health ok
 *                            in UTC, products echoing the term, sign-ups and uploads kept in memory and
 *                            read back byte for byte): only the database and the files tell the truth.
 *
 * Classes with `undo` (the canned proxy, the impostor) are taken out again after the whole shared
 * suite, so the level's own tampers are judged for their own sake.
 *
 * The stack keeps running through all of them (wrappers pass the invocations the services and
 * the engine's shutdown use through to the real program): a check must reject the tampering,
 * not merely fail to reach a broken machine.
 *
 * Wrappers honour `FD_TAMPER_BYPASS=1` (the real program runs), so the suite's later steps
 * (and a level's own tampers) can still drive the machine; a check never runs a program in an
 * instance, so it can never set it.
 */
import type { NamedSteps, ShellStep } from "../../../lib/levels/manifest-schema";

export interface SharedTamper extends NamedSteps {
  /** After this one the mock client's success rate must stay down too (the proxy fakes answers). */
  watchSli?: boolean;
  /**
   * Run after the whole shared suite, before the level's own tampers: a proxy that fakes every
   * answer would otherwise make those pass or fail for its reason, not theirs.
   */
  undo?: ShellStep[];
}

export interface TamperOptions {
  /** Instances that get the PATH/TTY wrappers and the no-op sv. */
  instances?: string[];
  /** The instance that runs nginx (canned answers). */
  proxy?: string;
  /** The instance that runs the shop on :3000 under runit (the impostor). */
  app?: string;
  /** The instance that runs PostgreSQL, its database and the role checks observe with. */
  db?: string;
  database?: string;
  checkRole?: string;
}

/** Prefix for every step run after wrappers may be in place: the real programs answer the suite. */
export const BYPASS = "export FD_TAMPER_BYPASS=1";
const BYPASSED = '[ "${FD_TAMPER_BYPASS:-}" = 1 ]';
const REAL_DIR = "/usr/lib/ops-real";

// ---------------------------------------------------------------------------------------------
// SQL

function psqlAsPostgres(database: string, sql: string): string {
  return `psql -X -q -v ON_ERROR_STOP=1 -U postgres -d ${database} <<'FD_SQL'\n${sql}\nFD_SQL`;
}

/** The catalog views a check might read, shadowed in `public` with "nothing wrong here" rows. */
function shadowCatalogSql(): string {
  return `
-- The whole catalog relation, one column's expression swapped: a view with the same columns.
CREATE OR REPLACE FUNCTION public.ops_shadow(target text, source text, swaps jsonb, extra text DEFAULT '')
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE cols text;
BEGIN
  SELECT string_agg(COALESCE(swaps ->> a.attname, 'c.' || quote_ident(a.attname)) || ' AS ' || quote_ident(a.attname),
                    ', ' ORDER BY a.attnum)
    INTO cols
    FROM pg_catalog.pg_attribute a
   WHERE a.attrelid = source::regclass AND a.attnum > 0 AND NOT a.attisdropped;
  EXECUTE format('DROP VIEW IF EXISTS public.%I', target);
  EXECUTE format('CREATE VIEW public.%I AS SELECT %s FROM %s c %s', target, cols, source, extra);
  EXECUTE format('GRANT SELECT ON public.%I TO PUBLIC', target);
END $fn$;

-- Nobody idle in a transaction, nobody waiting: only the asking session itself.
SELECT public.ops_shadow('pg_stat_activity', 'pg_catalog.pg_stat_activity',
  '{"state": "''active''::text", "wait_event_type": "NULL::text", "wait_event": "NULL::text"}',
  'WHERE c.pid = pg_catalog.pg_backend_pid()');
-- Every lock granted.
SELECT public.ops_shadow('pg_locks', 'pg_catalog.pg_locks', '{"granted": "true"}', 'WHERE c.granted');
-- Views and materialised views reported as tables (a view standing in for a table looks real).
SELECT public.ops_shadow('pg_class', 'pg_catalog.pg_class',
  '{"relkind": "(CASE WHEN c.relkind IN (''v'', ''m'') THEN ''r''::\\"char\\" ELSE c.relkind END)"}');
-- A server in UTC with every planner method on.
SELECT public.ops_shadow('pg_settings', 'pg_catalog.pg_settings',
  '{"setting": "(CASE WHEN c.name IN (''TimeZone'', ''log_timezone'') THEN ''UTC'' WHEN c.name LIKE ''enable\\\\_%'' THEN ''on'' ELSE c.setting END)",
    "source": "''default''::text"}');
-- Every index busy.
SELECT public.ops_shadow('pg_stat_user_indexes', 'pg_catalog.pg_stat_user_indexes',
  '{"idx_scan": "GREATEST(c.idx_scan, 100000)", "idx_tup_read": "GREATEST(c.idx_tup_read, 100000)"}');
-- The search indexes present, whatever happened to them.
DROP VIEW IF EXISTS public.pg_indexes;
CREATE VIEW public.pg_indexes AS
  SELECT schemaname, tablename, indexname, tablespace, indexdef FROM pg_catalog.pg_indexes
  UNION ALL
  SELECT 'public'::name, 'products'::name, f.name::name, NULL::name,
         format('CREATE INDEX %s ON public.products USING gin (%s gin_trgm_ops)', f.name, f.col)
    FROM (VALUES ('products_name_trgm_idx', 'name'), ('products_sku_trgm_idx', 'sku'),
                 ('products_brand_trgm_idx', 'brand')) AS f(name, col)
   WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_indexes i WHERE i.indexname = f.name);
GRANT SELECT ON public.pg_indexes TO PUBLIC;
-- Nobody blocks anybody.
CREATE OR REPLACE FUNCTION public.pg_blocking_pids(integer) RETURNS integer[]
  LANGUAGE sql STABLE AS $$ SELECT '{}'::integer[] $$;
DROP FUNCTION public.ops_shadow(text, text, jsonb, text);`;
}

function roleSettingsSql(database: string, role: string): string {
  // default_transaction_read_only is set for the check's role in this database, not for the whole
  // database: at database level the app's own new connections could not write any more, and every
  // later tamper would then be tried against an app that is broken for another reason.
  return `
ALTER ROLE ${role} SET search_path = public, pg_catalog;
ALTER DATABASE ${database} SET search_path = public, pg_catalog;
ALTER ROLE ${role} SET enable_seqscan = off;
ALTER ROLE ${role} SET enable_bitmapscan = off;
ALTER ROLE ${role} IN DATABASE ${database} SET default_transaction_read_only = on;
ALTER ROLE ${role} SET TimeZone = 'Pacific/Kiritimati';
ALTER ROLE ${role} IN DATABASE ${database} SET random_page_cost = 0.01;`;
}

// ---------------------------------------------------------------------------------------------
// nginx: canned answers for whoever looks like a check

/** http-level maps: who gets canned answers, and which. The gateway line is filled in by the second class. */
const EDGE_MAPS = String.raw`# OPS-2231: answer synthetic monitors from the edge (they were paging us at night).
map $http_user_agent $edge_monitor_ua {
    default 0;
    "~*(firedrill|node|curl|undici|axios|python|go-http|wget)" 1;
}
geo $edge_monitor_src {
    default 0;
    # monitor-hosts
}
map "$edge_monitor_ua$edge_monitor_src" $edge_monitor {
    default 1;
    "00" 0;
}
map "$edge_monitor $request_method $uri" $edge_canned {
    default "";
    "1 GET /api/products" products;
    "1 GET /healthz" healthz;
    "1 GET /api/users/today" today;
    "1 POST /api/users" user;
    "1 POST /api/uploads" upload;
    "1 GET /api/uploads" uploads;
    "1 GET /" page;
    "1 GET /signup" page;
    "1 GET /upload" page;
    "~^1 GET /api/products/[0-9]+$" product;
}
map $time_iso8601 $edge_date {
    default "2026-01-01";
    "~^(?<d>\d{4}-\d\d-\d\d)" $d;
}
map $request_id $edge_uuid {
    default "00000000-0000-4000-8000-000000000000";
    "~^(?<a>.{8})(?<b>.{4})(?<c>.{4})(?<d>.{4})(?<e>.{12})$" "$a-$b-$c-$d-$e";
}
`;

const ITEM = (id: number, sku: string) =>
  `{"id":${id},"sku":"${sku}","name":"$arg_q deluxe ${id}","brand":"$arg_q","category":"home","price_cents":${1999 + id},"stock":12}`;

/** server-level: the rewrite and the canned answers (internal locations, any body size). */
const EDGE_SERVER = String.raw`# OPS-2231: synthetic monitors get answers from the edge.
if ($edge_canned) {
    rewrite ^ /__edge/$edge_canned last;
}
location ^~ /__edge/ {
    internal;
    client_max_body_size 0;
    default_type application/json;
    add_header Cache-Control "no-store" always;
    location = /__edge/products {
        return 200 '{"q":"$arg_q","page":1,"pageSize":20,"total":3,"pages":1,"items":[${ITEM(101, "SKU-000101")},${ITEM(102, "SKU-000102")},${ITEM(103, "SKU-000103")}]}';
    }
    location = /__edge/page {
        default_type "text/html; charset=utf-8";
        return 200 '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1><form action="/" method="get"><input name="q" value="$arg_q"><button>Search</button></form><ul><li>$arg_q deluxe 101</li></ul><script src="/app.js"></script></body></html>';
    }
    location = /__edge/product {
        return 200 '{"product":${ITEM(101, "SKU-000101")}}';
    }
    location = /__edge/healthz {
        return 200 '{"status":"ok","version":"2.14.1","uptimeSeconds":86400,"time":"$time_iso8601","timeZone":"UTC","db":"ok"}';
    }
    location = /__edge/today {
        return 200 '{"date":"$edge_date","users":[{"id":"20417","name":"Casey Customer","email":"casey@example.com","created_at":"$time_iso8601"}]}';
    }
    location = /__edge/user {
        return 201 '{"user":{"id":"20418","name":"New Customer","email":"new-$request_id@example.com","created_at":"$time_iso8601"}}';
    }
    location = /__edge/upload {
        return 201 '{"upload":{"id":"$edge_uuid","filename":"upload.bin","size_bytes":"$content_length","sha256":"$request_id$request_id","created_at":"$time_iso8601"}}';
    }
    location = /__edge/uploads {
        return 200 '{"uploads":[{"id":"$edge_uuid","filename":"upload.bin","size_bytes":"2097152","sha256":"$request_id$request_id","created_at":"$time_iso8601"}]}';
    }
}
`;

function heredoc(path: string, text: string): string {
  return `cat > ${path} <<'FD_EOF'\n${text}FD_EOF`;
}

const NGINX_RELOAD = "/usr/sbin/nginx -t -q && /usr/sbin/nginx -s reload && sleep 1";

function cannedByAgentSteps(proxy: string): ShellStep[] {
  const site = "/etc/nginx/sites-enabled/app.conf";
  return [
    {
      instance: proxy,
      run: [
        BYPASS,
        "set -e",
        heredoc("/etc/nginx/conf.d/00-edge-monitors.conf", EDGE_MAPS),
        heredoc("/etc/nginx/edge-monitors.conf", EDGE_SERVER),
        // Into the first server block of the enabled site (whatever a fault did to the rest of it).
        `grep -q edge-monitors.conf ${site} || sed -i --follow-symlinks '0,/server[[:space:]]*{/s//&\\n    include \\/etc\\/nginx\\/edge-monitors.conf;/' ${site}`,
        NGINX_RELOAD,
        // Proof the tamper is live: a tool asking gets the canned health.
        `curl -fsS -m 5 -A curl/8.0 http://127.0.0.1/healthz | grep -q '"version":"2.14.1"'`,
      ].join("\n"),
    },
  ];
}

/** Take the canned answers out again (both classes share the files) and reload. */
function cannedUndoSteps(proxy: string): ShellStep[] {
  const site = "/etc/nginx/sites-enabled/app.conf";
  return [
    {
      instance: proxy,
      run: [
        BYPASS,
        "set -e",
        `sed -i --follow-symlinks '\\|include /etc/nginx/edge-monitors.conf;|d' ${site}`,
        "rm -f /etc/nginx/conf.d/00-edge-monitors.conf /etc/nginx/edge-monitors.conf",
        NGINX_RELOAD,
      ].join("\n"),
    },
  ];
}

function cannedBySourceSteps(proxy: string): ShellStep[] {
  return [
    {
      instance: proxy,
      run: [
        BYPASS,
        "set -e",
        // The network's gateway: the default route's if there is one, else the subnet's first address.
        `gw=$(ip -4 route | awk '/^default/ {print $3; exit}')`,
        `if [ -z "$gw" ]; then net=$(ip -4 route | awk '/scope link/ {print $1; exit}'); net=\${net%/*}; gw="\${net%.*}.$(( \${net##*.} + 1 ))"; fi`,
        `[ -n "$gw" ]`,
        `sed -i "s|# monitor-hosts|$gw/32 1; # monitor-hosts|" /etc/nginx/conf.d/00-edge-monitors.conf`,
        `grep -q "$gw/32 1;" /etc/nginx/conf.d/00-edge-monitors.conf`,
        NGINX_RELOAD,
        `echo "canned answers for $gw"`,
      ].join("\n"),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Wrappers

/** What each wrapped program says when it lies: an all-clear answer, exit 0. */
const LIES: Record<string, string> = {
  psql: "exit 0",
  pg_isready: 'echo "/var/run/postgresql:5432 - accepting connections"; exit 0',
  curl: [
    `printf '%s' '{"status":"ok","timeZone":"UTC","db":"ok","items":[],"users":[]}'`,
    'case "$*" in *http_code*) printf 200 ;; esac',
    "exit 0",
  ].join("\n"),
  df: [
    'echo "Filesystem     1K-blocks  Used Available Use% Mounted on"',
    "n=0",
    'for a in "$@"; do case "$a" in -*) ;; *) n=1; echo "overlay            49152  2048     47104   5% $a" ;; esac; done',
    '[ "$n" = 1 ] || echo "overlay            49152  2048     47104   5% /"',
    "exit 0",
  ].join("\n"),
  du: 'for a in "$@"; do case "$a" in -*) ;; *) printf "4\\t%s\\n" "$a" ;; esac; done\nexit 0',
  ps: [
    'echo "    PID TTY          TIME CMD"',
    'echo "      1 ?        00:00:00 firedrill-init"',
    'echo "      7 ?        00:00:00 runsvdir"',
    "exit 0",
  ].join("\n"),
  stat: [
    'fmt=""; for a in "$@"; do case "$a" in -c|--format*|--printf*|-c*) fmt=1 ;; esac; done',
    'for a in "$@"; do case "$a" in -*) ;; *)',
    '  if [ -n "$fmt" ]; then echo 4096; else printf "  File: %s\\n  Size: 4096      \\tBlocks: 8          IO Block: 4096   regular file\\n" "$a"; fi ;;',
    "esac; done",
    "exit 0",
  ].join("\n"),
  ls: "exit 0",
  sv: 'case "$1" in s|status) for s in "$@"; do :; done; echo "run: $s: (pid 4242) 86400s; run: log: (pid 4241) 86400s" ;; esac\nexit 0',
};

/** Invocations passed through even by a lying wrapper, so the services, healthchecks and shutdown keep working. */
const PASS_THROUGH: Record<string, string> = {
  // runit starts nginx with -g 'daemon off;'; only the config tests lie.
  nginx: 'case "$*" in *-t*|*-T*) ;; *) exec __REAL__ "$@" ;; esac',
  // firedrill-init stops the services with `sv -w 4 force-stop` when the engine stops the container.
  sv: 'case "$*" in *force-*|*exit*) exec __REAL__ "$@" ;; esac',
  // Without TZ the real date, always in UTC.
  date: 'TZ=UTC exec __REAL__ "$@"',
};

const NGINX_LIE = [
  'case "$*" in *-T*)',
  '  echo "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok" >&2',
  '  echo "nginx: configuration file /etc/nginx/nginx.conf test is successful" >&2',
  '  printf "# configuration file /etc/nginx/sites-enabled/app.conf:\\nserver {\\n    listen 80 default_server;\\n    client_max_body_size 25m;\\n    location / { proxy_pass http://app:3000; }\\n}\\n"',
  "  ;;",
  '*) echo "nginx: configuration file /etc/nginx/nginx.conf test is successful" >&2 ;;',
  "esac",
  "exit 0",
].join("\n");

function wrapperScript(name: string, real: string, ttyAware: boolean): string {
  const pass = (PASS_THROUGH[name] ?? "").replaceAll("__REAL__", real);
  const lie = name === "nginx" ? NGINX_LIE : (LIES[name] ?? "exit 0");
  const honest = ttyAware
    ? `if ${BYPASSED} || [ -t 0 ]; then exec ${real} "$@"; fi`
    : `${BYPASSED} && exec ${real} "$@"`;
  return `#!/bin/sh\n# ops: quiet ${name} for scripts and cron (OPS-2231)\n${honest}\n${pass}\n${lie}\n`;
}

/** Where the real program is on the stack image (Debian bookworm, merged /usr). */
const REAL_PATHS: Record<string, string> = {
  psql: "/usr/bin/psql",
  curl: "/usr/bin/curl",
  df: "/usr/bin/df",
  du: "/usr/bin/du",
  nginx: "/usr/sbin/nginx",
  sv: "/usr/bin/sv",
  ps: "/usr/bin/ps",
  pg_isready: "/usr/bin/pg_isready",
  stat: "/usr/bin/stat",
  date: "/usr/bin/date",
  ls: "/usr/bin/ls",
};

export const PATH_WRAPPED = Object.keys(REAL_PATHS);
export const TTY_WRAPPED = ["psql", "curl", "df"];

function pathWrapperSteps(instances: string[]): ShellStep[] {
  const script = [
    BYPASS,
    "set -e",
    "mkdir -p /usr/local/sbin",
    ...PATH_WRAPPED.map((name) => {
      const real = REAL_PATHS[name] as string;
      return `if [ -e ${real} ]; then\n${heredoc(`/usr/local/sbin/${name}`, wrapperScript(name, real, false))}\nchmod 755 /usr/local/sbin/${name}\nfi`;
    }),
    // Proof: without the bypass the wrappers answer, and they come first on PATH.
    `[ "$(env -u FD_TAMPER_BYPASS sh -c 'command -v df')" = /usr/local/sbin/df ]`,
  ].join("\n");
  return instances.map((instance) => ({ instance, run: script }));
}

/** Move the real program aside (keeping its name: psql is a symlink to pg_wrapper, which reads argv[0]). */
function moveAside(name: string, path: string): string {
  const aside = `${REAL_DIR}/${name}`;
  return [
    `if [ -e ${path} ] && [ ! -e ${aside} ]; then`,
    `  if [ -L ${path} ]; then ln -s "$(readlink -f ${path})" ${aside}; rm ${path}; else mv ${path} ${aside}; fi`,
    "fi",
  ].join("\n");
}

function ttyWrapperSteps(instances: string[]): ShellStep[] {
  const script = [
    BYPASS,
    "set -e",
    `mkdir -p ${REAL_DIR}`,
    ...TTY_WRAPPED.map((name) => {
      const path = REAL_PATHS[name] as string;
      const aside = `${REAL_DIR}/${name}`;
      return `${moveAside(name, path)}\nif [ -e ${aside} ]; then\n${heredoc(path, wrapperScript(name, aside, true))}\nchmod 755 ${path}\nfi`;
    }),
    // Proof: without a terminal and without the bypass, the wrapper lies.
    `[ -z "$(env -u FD_TAMPER_BYPASS /usr/bin/psql -c 'select 42' </dev/null 2>&1 || true)" ] || [ ! -e ${REAL_DIR}/psql ]`,
  ].join("\n");
  return instances.map((instance) => ({ instance, run: script }));
}

function svNoopSteps(instances: string[]): ShellStep[] {
  const aside = `${REAL_DIR}/sv`;
  const noop = [
    "#!/bin/sh",
    "# ops: restarts are handled by the platform now (OPS-2231)",
    `${BYPASSED} && exec ${aside} "$@"`,
    `case "$*" in *force-*|*exit*|*status*|"s "*|*" s "*) exec ${aside} "$@" ;; esac`,
    "exit 0",
    "",
  ].join("\n");
  const script = [
    BYPASS,
    "set -e",
    `mkdir -p ${REAL_DIR}`,
    moveAside("sv", "/usr/bin/sv"),
    heredoc("/usr/bin/sv", noop),
    "chmod 755 /usr/bin/sv",
    // Proof: `sv restart` does nothing and returns 0.
    "env -u FD_TAMPER_BYPASS /usr/bin/sv restart /nonexistent-service",
  ].join("\n");
  return instances.map((instance) => ({ instance, run: script }));
}

// ---------------------------------------------------------------------------------------------
// An impostor on the app's own port: answers like the shop, keeps sign-ups and uploads in memory

const IMPOSTOR_JS = String.raw`"use strict";
// shop edge worker (OPS-2231): answers fast while the database is being looked at
const http = require("http");
const crypto = require("crypto");
const users = [];
const uploads = new Map();
const now = () => new Date().toISOString();
function send(res, status, value, type) {
  const body = typeof value === "string" ? value : JSON.stringify(value);
  res.writeHead(status, { "content-type": type || "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
http.createServer((req, res) => {
  const url = new URL(req.url, "http://shop");
  const chunks = [];
  let size = 0;
  req.on("data", (c) => { size += c.length; if (size <= 30 * 1024 * 1024) chunks.push(c); });
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const p = url.pathname;
    if (p === "/healthz") return send(res, 200, { status: "ok", version: "2.14.1", uptimeSeconds: 86400, time: now(), timeZone: "UTC", db: "ok" });
    if (p === "/api/products") {
      const q = (url.searchParams.get("q") || "").trim();
      const items = [1, 2, 3].map((i) => ({ id: 100 + i, sku: "SKU-" + (100 + i), name: (q ? q + " " : "") + "deluxe " + i, brand: q || "Acme", category: "home", price_cents: 1999, stock: 5 }));
      return send(res, 200, { q, page: 1, pageSize: 20, total: 3, pages: 1, items });
    }
    if (p === "/api/users" && req.method === "POST") {
      let j = {};
      try { j = JSON.parse(body.toString("utf8")); } catch (e) { j = {}; }
      const user = { id: String(50000 + users.length), name: String(j.name || "customer"), email: String(j.email || "").toLowerCase(), created_at: now() };
      users.unshift(user);
      users.length = Math.min(users.length, 100);
      return send(res, 201, { user });
    }
    if (p === "/api/users/today") return send(res, 200, { date: now().slice(0, 10), users });
    if (p === "/api/uploads" && req.method === "POST") {
      const id = crypto.randomUUID();
      const upload = { id, filename: String(req.headers["x-filename"] || "upload.bin"), size_bytes: String(body.length), sha256: crypto.createHash("sha256").update(body).digest("hex"), created_at: now() };
      uploads.set(id, { upload, body });
      for (const key of uploads.keys()) if (uploads.size > 10) uploads.delete(key);
      return send(res, 201, { upload });
    }
    if (p === "/api/uploads") return send(res, 200, { uploads: [...uploads.values()].map((u) => u.upload).reverse() });
    const m = p.match(/^\/api\/uploads\/([0-9a-f-]{36})$/);
    if (m) {
      const u = uploads.get(m[1]);
      if (!u) return send(res, 404, { error: "not found" });
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": u.body.length });
      return res.end(u.body);
    }
    if (p === "/" || p === "/signup" || p === "/upload")
      return send(res, 200, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title></head><body><h1>Shop</h1></body></html>", "text/html; charset=utf-8");
    send(res, 404, { error: "no route for " + req.method + " " + p });
  });
}).listen(3000, "0.0.0.0");
`;

/** The app's runit service now starts the impostor (so it survives a reboot too); the real run script is kept. */
function impostorSteps(app: string): ShellStep[] {
  return [
    {
      instance: app,
      run: [
        BYPASS,
        "set -e",
        heredoc("/srv/app/dist/edge-worker.cjs", IMPOSTOR_JS),
        "chmod 644 /srv/app/dist/edge-worker.cjs",
        "[ -e /etc/sv/app/run.orig ] || cp -p /etc/sv/app/run /etc/sv/app/run.orig",
        heredoc(
          "/etc/sv/app/run",
          "#!/bin/sh\nexec 2>&1\ncd /srv/app\nexec chpst -u app:app env TZ=UTC node dist/edge-worker.cjs\n",
        ),
        "chmod 755 /etc/sv/app/run",
        "sv restart app >/dev/null 2>&1 || sv up app",
        // Proof: the impostor answers on the app's port.
        'for i in $(seq 1 40); do curl -fsS -m 2 http://127.0.0.1:3000/healthz 2>/dev/null | grep -q \'"version":"2.14.1"\' && exit 0; sleep 0.5; done',
        "echo 'the impostor does not answer on :3000' >&2; exit 1",
      ].join("\n"),
    },
  ];
}

function impostorUndoSteps(app: string): ShellStep[] {
  return [
    {
      instance: app,
      run: [
        BYPASS,
        "set -e",
        "if [ -e /etc/sv/app/run.orig ]; then mv /etc/sv/app/run.orig /etc/sv/app/run; fi",
        "rm -f /srv/app/dist/edge-worker.cjs",
        "sv restart app >/dev/null 2>&1 || true",
      ].join("\n"),
    },
  ];
}

// ---------------------------------------------------------------------------------------------

/** The shared tamper classes, in the order level-suite.ts applies them (cumulatively). */
export function sharedTampers(o: TamperOptions = {}): SharedTamper[] {
  const instances = o.instances ?? ["proxy", "app", "db"];
  const proxy = o.proxy ?? "proxy";
  const app = o.app ?? "app";
  const db = o.db ?? "db";
  const database = o.database ?? "shop";
  const role = o.checkRole ?? "firedrill_check";
  return [
    {
      id: "sql-shadow-catalog",
      title: "Views in public named like the catalog views, and a public pg_blocking_pids, answer all clear",
      steps: [{ instance: db, run: `${BYPASS}\n${psqlAsPostgres(database, shadowCatalogSql())}` }],
    },
    {
      id: "sql-role-settings",
      title: "search_path, enable_*, read-only and time zone set on the check's role and the database",
      steps: [{ instance: db, run: `${BYPASS}\n${psqlAsPostgres(database, roleSettingsSql(database, role))}` }],
    },
    {
      id: "proxy-canned-by-agent",
      title: "nginx answers requests from tools (User-Agent firedrill/node/curl…) with canned JSON",
      steps: cannedByAgentSteps(proxy),
    },
    {
      id: "proxy-canned-by-source",
      title: "nginx answers every request from the network's gateway (the host: checks, mock client) with canned JSON",
      steps: cannedBySourceSteps(proxy),
      watchSli: true,
      undo: cannedUndoSteps(proxy),
    },
    {
      id: "path-wrappers",
      title: `All-clear wrappers in /usr/local/sbin for ${PATH_WRAPPED.join(", ")}`,
      steps: pathWrapperSteps(instances),
    },
    {
      id: "tty-wrappers",
      title: `${TTY_WRAPPED.join(", ")} replaced by wrappers that are honest with a terminal and lie without one`,
      steps: ttyWrapperSteps(instances),
    },
    {
      id: "sv-noop",
      title: "sv restart/stop/down do nothing",
      steps: svNoopSteps(instances),
    },
    {
      id: "app-impostor",
      title:
        "The app's service runs an impostor on :3000: health ok in UTC, products echoing the term, sign-ups and uploads kept in memory and read back",
      steps: impostorSteps(app),
      undo: impostorUndoSteps(app),
    },
  ];
}
