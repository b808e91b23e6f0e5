// The run's closing "What failed": a real spec-reporter log of a failing fixture must yield the test's
// name, its diagnostics and its message without the stack; a passing log yields nothing.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { failureDigest } from "../../scripts/check/failure-digest";

function specLog(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), "digest-"));
  const file = join(dir, "fixture.test.mjs");
  writeFileSync(file, `import { test } from "node:test";\nimport assert from "node:assert/strict";\n${body}\n`);
  // Without the parent runner's context, or the child reports to it instead of printing its spec output.
  const env = { ...process.env, NODE_TEST_CONTEXT: undefined };
  const run = spawnSync(process.execPath, ["--test", "--test-reporter=spec", file], { encoding: "utf8", env });
  return run.stdout + run.stderr;
}

test("a failing test's name, diagnostics and message, without its stack", () => {
  const log = specLog(`
test("first passes", (t) => { t.diagnostic("not mine"); });
test("level: the reference fix repairs it", (t) => {
  t.diagnostic("check after the fix: failed in 3.1 s: still 36% of a CPU");
  assert.equal(1, 2, "fixed.passed");
});
test("last passes", (t) => { t.diagnostic("not mine either"); });`);
  const digest = failureDigest(log);
  assert.equal(digest[0], "✖ level: the reference fix repairs it");
  assert.ok(digest.includes("    ℹ check after the fix: failed in 3.1 s: still 36% of a CPU"), digest.join("\n"));
  assert.ok(
    digest.some((l) => l.includes("fixed.passed")),
    digest.join("\n"),
  );
  assert.ok(!digest.some((l) => /not mine|^\s+at /.test(l)), digest.join("\n"));
});

test("a passing log has nothing to say", () => {
  assert.deepEqual(failureDigest(specLog(`test("fine", (t) => { t.diagnostic("ok"); });`)), []);
});

test("Playwright's errors, once each", () => {
  const log = [
    "  ✘  27 [main] › e2e/replay.spec.ts",
    "    Error: expect(x).toBeAttached() failed",
    "    Error: expect(x).toBeAttached() failed",
  ].join("\n");
  assert.deepEqual(failureDigest(log), ["    Error: expect(x).toBeAttached() failed"]);
});
