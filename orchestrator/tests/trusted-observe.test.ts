/**
 * What a check observes cannot be rewritten from a root shell in the player's
 * instances (real engine, real PostgreSQL, the real victim stack):
 *   - pinned SQL ignores shadowing views in `public`, role- and database-level
 *     search_path, planner, time-zone and transaction settings, and cannot write;
 *   - files are judged by what they are (a FIFO or symlink in place of a file);
 *   - processes, volumes and a process's environment come from the host and the
 *     keeper, so wrappers for ps, df and env change nothing.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createCheckContext } from "../environments/level-context";
import type { Orchestrator } from "../service";
import { LEVEL, REAL_STACK, request, testOrchestrator } from "./support/harness";

let orch: Orchestrator;
const ID = "observe-1";

async function asRoot(instance: string, script: string, user?: string): Promise<void> {
  const r = await orch.exec(ID, instance, script, { user, timeoutMs: 60_000 });
  assert.equal(r.exitCode, 0, `${instance}: ${script}\n${r.stderr}${r.stdout}`);
}

function checkContext() {
  const deps = orch.deps;
  const rec = deps.envs.get(ID);
  assert.ok(rec);
  return deps.levels.stack(rec.stack).then((stack) =>
    createCheckContext({
      driver: deps.driver,
      slot: rec.slot,
      stack,
      params: rec.params,
      app: { instance: "proxy", port: 80 },
      log: () => undefined,
    }),
  );
}

before(async () => {
  orch = testOrchestrator();
  await orch.start();
  await orch.provision(request(ID));
});

after(async () => {
  await orch.destroy(ID).catch(() => undefined);
  await orch.stop();
});

test(
  "pinned SQL: shadowing views, role and database settings change nothing; it cannot write",
  { skip: !REAL_STACK },
  async () => {
    const psql = (sql: string) =>
      asRoot("db", `psql -X -q -v ON_ERROR_STOP=1 -d shop <<'SQL'\n${sql}\nSQL`, "postgres");
    await psql(`
    CREATE VIEW public.pg_stat_activity AS SELECT * FROM pg_catalog.pg_stat_activity WHERE false;
    CREATE VIEW public.pg_settings AS SELECT 'search_path'::text AS name, 'public'::text AS setting;
    CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql AS $$ SELECT timestamptz '2001-01-01' $$;
    ALTER ROLE firedrill_check SET search_path = public, pg_catalog;
    ALTER ROLE firedrill_check SET enable_seqscan = off;
    ALTER ROLE firedrill_check SET TimeZone = 'Pacific/Kiritimati';
    ALTER ROLE firedrill_check SET default_transaction_read_only = off;
    ALTER DATABASE shop SET search_path = public, pg_catalog;
    ALTER DATABASE shop SET enable_indexscan = off;
    ALTER DATABASE shop SET random_page_cost = 1000;
  `);
    const ctx = await checkContext();
    try {
      const [row] = await ctx.observe.sql(`SELECT pg_catalog.current_setting('search_path') AS search_path,
      pg_catalog.current_setting('enable_seqscan') AS seqscan, pg_catalog.current_setting('enable_indexscan') AS indexscan,
      pg_catalog.current_setting('random_page_cost') AS cost, pg_catalog.current_setting('TimeZone') AS zone,
      (SELECT count(*) FROM pg_stat_activity) AS sessions, now() > timestamptz '2020-01-01' AS real_now`);
      assert.match(row?.search_path ?? "", /^pg_catalog, ?pg_temp$/);
      assert.equal(row?.seqscan, "on");
      assert.equal(row?.indexscan, "on");
      assert.equal(row?.cost, "4");
      assert.equal(row?.zone, "UTC");
      assert.ok(Number(row?.sessions) >= 1, "the catalog's pg_stat_activity, not the empty view in public");
      assert.equal(row?.real_now, "t");
      await assert.rejects(ctx.observe.sql("CREATE TABLE public.check_wrote_this (x int)"), /read-only/);
    } finally {
      await ctx.close();
    }
  },
);

test("files are judged by what they are: a FIFO, a symlink and a sparse file in place of a file", async () => {
  await asRoot(
    "app",
    "mkdir -p /tmp/o && mkfifo /tmp/o/fifo && ln -s /dev/null /tmp/o/link && truncate -s 1G /tmp/o/sparse && printf 'abc' > /tmp/o/plain",
  );
  const ctx = await checkContext();
  try {
    assert.equal((await ctx.observe.file("app", "/tmp/o/fifo"))?.type, "fifo");
    const link = await ctx.observe.file("app", "/tmp/o/link");
    assert.equal(link?.type, "symlink");
    assert.equal(link?.linkTarget, "/dev/null");
    assert.equal((await ctx.observe.file("app", "/tmp/o/sparse"))?.size, 1024 ** 3);
    assert.equal(await ctx.observe.readFile("app", "/tmp/o/fifo"), null);
    assert.equal(await ctx.observe.readFile("app", "/tmp/o/link"), null);
    assert.equal((await ctx.observe.readFile("app", "/tmp/o/plain"))?.toString(), "abc");
    assert.equal(await ctx.observe.file("app", "/tmp/o/missing"), null);
  } finally {
    await ctx.close();
  }
});

test(
  "processes, volumes and environments come from outside: ps, df and env wrappers change nothing",
  { skip: LEVEL !== "fixture-shop" },
  async () => {
    // A root player replaces the tools a naive check would run.
    await asRoot(
      "app",
      `for t in ps df env cat; do p=$(command -v $t); mv "$p" "$p.real"; printf '#!/bin/sh\\necho all clear\\n' > "$p"; chmod 755 "$p"; done
     dd if=/dev/zero of=/var/lib/app/filler bs=1M count=8 2>/dev/null || /bin/dd if=/dev/zero of=/var/lib/app/filler bs=1M count=8`,
    );
    const ctx = await checkContext();
    try {
      const processes = await ctx.observe.processes("app");
      const node = processes.find((p) => p.command.includes("server.cjs"));
      assert.ok(node, `the app's node process is listed: ${JSON.stringify(processes.map((p) => p.command))}`);
      const env = await ctx.observe.processEnvironment("app", node.pid);
      assert.equal(env?.PORT, "3000");
      assert.equal(await ctx.observe.processEnvironment("app", 1), null, "a pid outside the instance is refused");
      const volume = await ctx.observe.volume("app", "/var/lib/app");
      assert.ok(volume.usedBytes >= 8 * 1024 * 1024, `the 8 MB written are seen: ${JSON.stringify(volume)}`);
      assert.ok(volume.sizeBytes > volume.usedBytes);
    } finally {
      await ctx.close();
    }
  },
);
