/**
 * Without Docker: the shared tamper classes have the manifest's shape, unique ids, steps that
 * drive the machine with the real programs (BYPASS), and the impostor's script compiles. The
 * docker proof that each class is live and rejected is level-suite.ts's "tampering" test.
 */
import assert from "node:assert/strict";
import { Script } from "node:vm";
import { test } from "node:test";
import { NamedStepsSchema } from "../../../lib/levels/manifest-schema";
import { BYPASS, PATH_WRAPPED, sharedTampers, TTY_WRAPPED } from "./tamper-suite";

test("every shared tamper class is a named step list like a manifest's tampers, ids unique", () => {
  const tampers = sharedTampers();
  for (const tamper of tampers) NamedStepsSchema.parse({ id: tamper.id, title: tamper.title, steps: tamper.steps });
  assert.equal(new Set(tampers.map((t) => t.id)).size, tampers.length);
  assert.deepEqual(
    tampers.map((t) => t.id),
    [
      "sql-shadow-catalog",
      "sql-role-settings",
      "proxy-canned-by-agent",
      "proxy-canned-by-source",
      "path-wrappers",
      "tty-wrappers",
      "sv-noop",
      "app-impostor",
    ],
  );
});

test("every step drives the machine with the real programs, and wrappers cover what the issue lists", () => {
  for (const tamper of sharedTampers())
    for (const step of [...tamper.steps, ...(tamper.undo ?? [])])
      assert.ok(step.run.startsWith(BYPASS), `${tamper.id}: ${step.run.slice(0, 40)}`);
  for (const name of ["psql", "curl", "df", "du", "nginx", "sv", "ps", "pg_isready", "stat", "date", "ls"])
    assert.ok(PATH_WRAPPED.includes(name), name);
  assert.deepEqual(TTY_WRAPPED, ["psql", "curl", "df"]);
  const wrappers = sharedTampers().find((t) => t.id === "path-wrappers");
  assert.deepEqual(wrappers?.steps.map((s) => s.instance).sort(), ["app", "db", "proxy"]);
});

test("the proxy tampers watch the SLI and are undone before the level's own; the impostor's script compiles", () => {
  const byId = new Map(sharedTampers().map((t) => [t.id, t]));
  assert.equal(byId.get("proxy-canned-by-source")?.watchSli, true);
  assert.ok(byId.get("proxy-canned-by-source")?.undo?.length);
  assert.ok(byId.get("app-impostor")?.undo?.length);
  const run = byId.get("app-impostor")?.steps[0]?.run ?? "";
  const js = /edge-worker\.cjs <<'FD_EOF'\n([\s\S]*?)FD_EOF/.exec(run)?.[1];
  assert.ok(js, "the impostor's script is in its step");
  assert.doesNotThrow(() => new Script(`(function (require) {${js}\n})`));
});

test("role settings aim at the check's role and the shop database, parameterised", () => {
  const sql = sharedTampers({ checkRole: "observer", database: "store" }).find((t) => t.id === "sql-role-settings");
  const run = sql?.steps[0]?.run ?? "";
  for (const line of [
    "ALTER ROLE observer SET search_path = public, pg_catalog;",
    "ALTER DATABASE store SET search_path = public, pg_catalog;",
    "ALTER ROLE observer SET enable_seqscan = off;",
    "ALTER ROLE observer IN DATABASE store SET default_transaction_read_only = on;",
    "ALTER ROLE observer SET TimeZone = 'Pacific/Kiritimati';",
  ])
    assert.ok(run.includes(line), line);
  assert.match(run, /-d store /);
});
