// The import-boundary check must be able to fail: each rule gets a fixture that breaks it, and the
// real tree must pass. The command itself is run over a fixture tree to prove its exit status.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { checkBoundaries, readSources, violations } from "../../scripts/check/check-boundaries";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const script = path.join(root, "scripts/check/check-boundaries.ts");

function check(files: Record<string, string>): string[] {
  return violations(checkBoundaries(new Map(Object.entries(files))));
}

test("a cycle between two top-level folders of lib/ fails, with both folders named", () => {
  const v = check({
    "lib/a/x.ts": 'import { y } from "../b/y";\nexport const x = y;\n',
    "lib/b/y.ts": 'import { z } from "@/lib/a/z";\nexport const y = z;\n',
    "lib/a/z.ts": "export const z = 1;\n",
  });
  assert.deepEqual(v, ["cycle between folders of lib/: a, b"]);
});

test("a longer cycle through three folders fails; the same imports one way only pass", () => {
  const cycle = {
    "lib/a/x.ts": 'import "../b/y";\n',
    "lib/b/y.ts": 'import "../c/z";\n',
    "lib/c/z.ts": 'export * from "../a/w";\n',
    "lib/a/w.ts": "export const w = 1;\n",
  };
  assert.deepEqual(check(cycle), ["cycle between folders of lib/: a, b, c"]);
  assert.deepEqual(check({ ...cycle, "lib/c/z.ts": "export const z = 1;\n" }), []);
});

test("a type-only import and a dynamic import() count as edges too", () => {
  assert.equal(
    check({
      "lib/a/x.ts": 'import type { Y } from "../b/y";\nexport type X = Y;\n',
      "lib/b/y.ts": 'export type Y = number;\nexport const load = () => import("../a/x");\n',
    }).length,
    1,
  );
});

test("a cycle between top-level folders of orchestrator/ fails", () => {
  const v = check({
    "orchestrator/driver/d.ts": 'import { LABEL } from "../environments/labels";\nexport const d = LABEL;\n',
    "orchestrator/environments/labels.ts":
      'import type { Driver } from "../driver/types";\nexport const LABEL = "x";\n',
    "orchestrator/driver/types.ts": "export type Driver = { id: string };\n",
  });
  assert.deepEqual(v, ["cycle between folders of orchestrator/: driver, environments"]);
});

test("the domain importing a framework fails: next, next-auth, react, socket.io, Tailwind classes", () => {
  const v = check({
    "lib/auth/guard.ts": 'import { redirect } from "next/navigation";\n',
    "lib/auth/options.ts": 'import NextAuth from "next-auth";\n',
    "lib/ui/hook.ts": 'import { useState } from "react";\n',
    "lib/live/server.ts": 'import { Server } from "socket.io";\n',
    "lib/replay/markers.ts": 'export const TONE = { pass: "bg-green-600" };\n',
  });
  assert.equal(v.length, 5);
  for (const file of ["guard", "options", "hook", "server", "markers"])
    assert.ok(
      v.some((m) => m.includes(file)),
      file,
    );
});

test("the domain importing server/, app/ or components/ fails; those layers importing the domain pass", () => {
  const v = check({
    "lib/env.ts": 'import { x } from "../server/http/x";\n',
    "lib/a/y.ts": 'import { C } from "@/components/C";\n',
    "server/http/x.ts": 'import { y } from "../../lib/a/y";\nexport const x = y;\n',
    "components/C.tsx": 'import { y } from "@/lib/a/y";\nexport const C = y;\n',
    "app/page.tsx": 'import { x } from "@/server/http/x";\nimport { redirect } from "next/navigation";\n',
  });
  assert.deepEqual(v, [
    "the domain imports a layer above it: lib/env.ts → server/http/x.ts",
    "the domain imports a layer above it: lib/a/y.ts → components/C.tsx",
  ]);
});

test("framework imports outside lib/ (server/, app/, components/) are allowed", () => {
  assert.deepEqual(
    check({
      "server/live/server.ts": 'import { Server } from "socket.io";\n',
      "components/Badge.tsx": 'import { useState } from "react";\nexport const c = "bg-green-600";\n',
    }),
    [],
  );
});

test("the command exits non-zero on a fixture tree with a cycle, and zero once it is removed", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "fd-boundaries-"));
  try {
    mkdirSync(path.join(dir, "lib/a"), { recursive: true });
    mkdirSync(path.join(dir, "lib/b"), { recursive: true });
    writeFileSync(path.join(dir, "lib/a/x.ts"), 'import "../b/y";\n');
    writeFileSync(path.join(dir, "lib/b/y.ts"), 'import "../a/z";\n');
    writeFileSync(path.join(dir, "lib/a/z.ts"), "export {};\n");
    const failed = spawnSync(tsx, [script], { cwd: dir, encoding: "utf8" });
    assert.equal(failed.status, 1, failed.stdout + failed.stderr);
    assert.match(failed.stderr, /cycle between folders of lib\/: a, b/);
    writeFileSync(path.join(dir, "lib/b/y.ts"), "export {};\n");
    const passed = spawnSync(tsx, [script], { cwd: dir, encoding: "utf8" });
    assert.equal(passed.status, 0, passed.stdout + passed.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the project's own lib/ has no folder cycle, no framework import and no import of the layers above", () => {
  const report = checkBoundaries(readSources(root));
  assert.deepEqual(
    report.cycles.filter((c) => c.root === "lib"),
    [],
  );
  assert.deepEqual(report.framework, []);
  assert.deepEqual(report.upward, []);
});
