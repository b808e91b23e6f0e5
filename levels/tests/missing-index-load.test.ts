/**
 * missing-index with the host's CPUs saturated by another environment (issue 10: a busy host once
 * turned a right fix into "not fixed" twice). A second environment runs busy loops in its app and
 * db instances (bounded in time) while the first one is checked: broken, the check still fails
 * (and says "not fixed", not "could not judge"); fixed, it passes or at worst cannot judge, never fails.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test, type TestContext } from "node:test";
import { expandTemplate } from "../../lib/levels/params";
import { createOrchestrator, type Orchestrator } from "../../orchestrator/service";
import { LEVELS_DIR, manifestOf } from "./support/level-suite";

const LEVEL = "missing-index";
/** Two busy loops per instance, each ending by itself after this long whatever happens to the test. */
const BURN_SECONDS = 240;
const BURN_INSTANCES = ["app", "db"];
const BURNER_LEVEL = "payload-too-large";

let orch: Orchestrator;
const envs: string[] = [];

before(async () => {
  orch = createOrchestrator({
    dataDir: mkdtempSync(join(tmpdir(), `fd-level-${LEVEL}-load-`)),
    levelsDir: LEVELS_DIR,
    warmPool: 0,
    reconcileSeconds: 3600,
    log: process.env.FD_TEST_LOG ? (level, message) => console.log(`[${level}] ${message}`) : () => undefined,
  });
  await orch.start();
});

after(async () => {
  for (const id of envs) await orch.destroy(id).catch(() => undefined);
  await orch.stop();
});

async function provision(t: TestContext, id: string, levelId: string, seed: string) {
  envs.push(id);
  const started = Date.now();
  const view = await orch.provision({ id, attemptId: `attempt-${id}`, levelId, seed });
  t.diagnostic(`${id} provisioned in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(view.state, "ready");
  return view;
}

async function burn(id: string, on: boolean): Promise<void> {
  // The loops' parent is remembered, so stopping them ends exactly those (timeout passes TERM on).
  const script = on
    ? `setsid sh -c 'for i in 1 2; do timeout ${BURN_SECONDS} sh -c "while :; do :; done" & done; wait' >/dev/null 2>&1 </dev/null & echo $! > /tmp/fd-burn.pid`
    : `p=$(cat /tmp/fd-burn.pid 2>/dev/null) && { pkill -TERM -P "$p"; kill "$p"; rm -f /tmp/fd-burn.pid; }; true`;
  for (const instance of BURN_INSTANCES) {
    const r = await orch.exec(id, instance, script, { timeoutMs: 30_000 });
    assert.equal(r.exitCode, 0, r.stderr);
  }
}

const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function check(t: TestContext, id: string, label: string) {
  const r = await orch.check(id);
  const verdict = r.passed ? "passed" : r.unjudged ? "UNJUDGED" : "failed";
  t.diagnostic(`${label}: ${verdict} in ${(r.durationMs / 1000).toFixed(1)} s (load ${loadavg()}): ${r.message}`);
  return r;
}

test(`${LEVEL}: the verdict stays right while another environment saturates the host's CPUs`, async (t) => {
  const manifest = manifestOf(LEVEL);
  // The other environment only has to exist and burn CPU: a level whose fault is cheap.
  const [target, burner] = await Promise.all([
    provision(t, `lt-${LEVEL}-load-target`, LEVEL, "v1"),
    provision(t, `lt-${LEVEL}-load-burner`, BURNER_LEVEL, "v1"),
  ]);

  await burn(burner.id, true);
  await new Promise((r) => setTimeout(r, 5_000));
  const broken = await check(t, target.id, "broken, host saturated");
  assert.equal(broken.passed, false, broken.message);
  assert.equal(broken.unjudged, false, `a broken search must be judged not fixed: ${broken.message}`);

  // The fix itself is not what is under test: build the index on a quiet machine.
  await burn(burner.id, false);
  for (const step of manifest.referenceFix) {
    const r = await orch.exec(target.id, step.instance, expandTemplate(step.run, target.params), {
      user: step.user,
      // The mock client's full-scan searches share the db's one CPU with the build: minutes on a busy host.
      timeoutMs: 600_000,
    });
    assert.equal(r.exitCode, 0, r.stderr);
  }

  await burn(burner.id, true);
  await new Promise((r) => setTimeout(r, 5_000));
  let passed = 0;
  for (let i = 1; i <= 3; i++) {
    const fixed = await check(t, target.id, `fixed, host saturated (${i})`);
    assert.ok(fixed.passed || fixed.unjudged, `a right fix must never be judged not fixed: ${fixed.message}`);
    if (fixed.passed) passed++;
  }
  await burn(burner.id, false);
  assert.ok(passed >= 1, "the fixed level never passed under load (only unjudged)");
});
