/**
 * The proof every level owes, against the real engine through the orchestrator
 * (createOrchestrator, the same exec/check/mock-client paths the game uses):
 *
 *   1. two variant seeds deal different parameters;
 *   2. seed A: after provisioning the check fails and the mock client sees the
 *      outage; the symptom-only fix leaves the check failing; the reference fix
 *      (run through exec) makes it pass and the SLI recovers;
 *   3. seed B (another variant): broken after provisioning, fixed by the same
 *      reference fix; then each of the level's injects (a facilitator's second
 *      fault) runs through exec and the mock client sees it;
 *   4. tampering: on a fresh broken environment the shared tamper classes (tamper-suite.ts) and
 *      then the level's own `tampers` are applied cumulatively, each followed by a check that must
 *      not pass; after the proxy fakes answers, the mock client's success rate must stay down;
 *   5. every `alternativeFixes` entry, on its own fresh environment, passes the check and the SLI recovers.
 *
 * Figures (provisioning, check and fix times) are printed as test diagnostics. Every environment
 * is destroyed when its test ends, passed or not.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test, type TestContext } from "node:test";
import type { SliSample } from "../../../lib/contracts/orchestrator-api";
import { loadLevelManifest } from "../../../lib/levels/load-catalogue";
import type { LevelManifest, ShellStep } from "../../../lib/levels/manifest-schema";
import { levelStack } from "../../../lib/levels/level-stack";
import { expandTemplate, resolveParams, type ResolvedParams } from "../../../lib/levels/params";
import { readStackManifest } from "../../../orchestrator/images/ensure-stack-image";
import { WINDOW_MS } from "../../../orchestrator/mock-client/sli-window";
import { createOrchestrator, type Orchestrator } from "../../../orchestrator/service";
import { BYPASS, sharedTampers, type SharedTamper } from "./tamper-suite";

export const LEVELS_DIR = resolve(import.meta.dirname, "../..");

export interface SuiteOptions {
  /** Two seeds whose parameters differ (asserted). */
  seeds: [string, string];
  /** Mock-client success rate at or below which the outage counts as visible. */
  outageAtMost?: number;
  /** Runs before each provisioning (e.g. the timezone level steps over UTC midnight). */
  beforeProvision?: () => Promise<void>;
  /** Seed of the tampering test's environment (default: the first seed). */
  tamperSeed?: string;
}

/** How long the proxy must have been faking answers before the SLI is read (its window is 10 s). */
const SLI_AFTER_TAMPER_MS = 15_000;

/**
 * How long customers get to recover after a fix: the first 10 s window that holds at least 10 requests and
 * at most one in ten failed ends the wait. With another level's suite on the same 2 CPUs, a few requests
 * over their bar can keep a window just under 0.9 for a minute.
 */
const RECOVERY_MS = 120_000;

/** How many times a check that could not judge is tried again (a busy CI host), as the player is told to. */
const UNJUDGED_TRIES = 3;

export function manifestOf(levelId: string): LevelManifest {
  const loaded = loadLevelManifest(join(LEVELS_DIR, levelId, "level.yaml"));
  if ("errors" in loaded) throw new Error(loaded.errors.map((e) => `${e.file}: ${e.field}: ${e.message}`).join("\n"));
  return loaded.manifest;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * In-process, so not bound by the HTTP API's 120 s: a CREATE INDEX on a busy machine can take longer.
 * `prefix` goes before every script (the tamper test's BYPASS, so earlier wrappers answer honestly).
 */
async function runSteps(
  orch: Orchestrator,
  envId: string,
  steps: ShellStep[],
  params: ResolvedParams,
  prefix = "",
): Promise<void> {
  for (const step of steps) {
    const script = `${prefix ? `${prefix}\n` : ""}${expandTemplate(step.run, params)}`;
    const r = await orch.exec(envId, step.instance, script, { user: step.user, timeoutMs: 300_000 });
    assert.equal(r.exitCode, 0, `${step.instance}: ${script}\n${r.stderr}${r.stdout}`);
  }
}

/** Wait for an SLI sample over at least `minRequests` requests that satisfies `ok`; returns the last sample seen. */
async function waitSli(
  orch: Orchestrator,
  envId: string,
  ok: (s: SliSample) => boolean,
  timeoutMs: number,
  minRequests = 10,
): Promise<SliSample> {
  const deadline = Date.now() + timeoutMs;
  let last = orch.sli(envId).current;
  while (Date.now() < deadline) {
    last = orch.sli(envId).current;
    if (last.requests >= minRequests && ok(last)) return last;
    await sleep(500);
  }
  return last;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function levelSuite(levelId: string, opts: SuiteOptions): void {
  const manifest = manifestOf(levelId);
  const outageAtMost = opts.outageAtMost ?? 0.7;
  let orch: Orchestrator;
  const envs: string[] = [];

  before(async () => {
    orch = createOrchestrator({
      dataDir: mkdtempSync(join(tmpdir(), `fd-level-${levelId}-`)),
      levelsDir: LEVELS_DIR,
      warmPool: 0,
      poolFloor: 0,
      reconcileSeconds: 3600,
      log: process.env.FD_TEST_LOG ? (level, message) => console.log(`[${level}] ${message}`) : () => undefined,
    });
    await orch.start();
  });

  after(async () => {
    for (const id of envs) await orch.destroy(id).catch(() => undefined);
    await orch.stop();
  });

  async function provision(
    t: TestContext,
    seed: string,
    purpose = "",
  ): Promise<{ id: string; params: ResolvedParams }> {
    await opts.beforeProvision?.();
    const id = `lt-${levelId}-${purpose ? `${purpose}-` : ""}${seed}`
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, "-")
      .slice(0, 60);
    envs.push(id);
    const started = Date.now();
    const view = await orch.provision({ id, attemptId: `attempt-${id}`, levelId, seed });
    t.diagnostic(
      `${levelId} [${seed}] provisioned in ${seconds(Date.now() - started)} (params ${JSON.stringify(view.params)})`,
    );
    assert.equal(view.state, "ready");
    assert.deepEqual(view.params, resolveParams(manifest.params, seed));
    await assertVolumeSizes(id);
    return { id, params: view.params };
  }

  /** The volumes the level sizes its own way (volumeSizes) have that size in the instance (df). */
  async function assertVolumeSizes(id: string): Promise<void> {
    if (Object.keys(manifest.volumeSizes).length === 0) return;
    const stack = levelStack(await readStackManifest(LEVELS_DIR, manifest.stack), manifest.volumeSizes);
    const stats = await orch.stats(id);
    for (const key of Object.keys(manifest.volumeSizes)) {
      const [instance, volume] = key.split("/");
      const want = stack.instances.find((i) => i.name === instance)?.volumes.find((v) => v.name === volume);
      const disk = stats.find((s) => s.instance === instance)?.disks.find((d) => d.mount === want?.mountPath);
      assert.equal(disk?.totalBytes, (want?.sizeMb ?? 0) * 1024 * 1024, `${key}: ${JSON.stringify(disk)}`);
    }
  }

  /**
   * One "Check my fix". A check that could not judge (the machine too busy to time something) tells the
   * player to try again; so does this, up to UNJUDGED_TRIES times. An unjudged verdict never passes.
   */
  async function check(t: TestContext, id: string, label: string) {
    for (let tryNo = 1; ; tryNo++) {
      const result = await orch.check(id);
      const verdict = result.passed ? "passed" : result.unjudged ? "UNJUDGED" : "failed";
      t.diagnostic(`${levelId} check ${label}: ${verdict} in ${seconds(result.durationMs)}: ${result.message}`);
      if (!result.unjudged || tryNo >= UNJUDGED_TRIES) return result;
      await sleep(5_000);
    }
  }

  /** Run `body` on a fresh environment that is destroyed afterwards, whatever happens. */
  async function withEnvironment(
    t: TestContext,
    seed: string,
    purpose: string,
    body: (env: { id: string; params: ResolvedParams }) => Promise<void>,
  ): Promise<void> {
    const env = await provision(t, seed, purpose);
    try {
      await body(env);
    } finally {
      const started = Date.now();
      await orch.destroy(env.id).catch((err: unknown) => t.diagnostic(`destroying ${env.id}: ${String(err)}`));
      t.diagnostic(`${levelId} ${env.id} destroyed in ${seconds(Date.now() - started)}`);
    }
  }

  test(`${levelId}: two variant seeds deal different parameters`, () => {
    const [a, b] = opts.seeds;
    assert.notDeepEqual(resolveParams(manifest.params, a), resolveParams(manifest.params, b));
    assert.deepEqual(resolveParams(manifest.params, a), resolveParams(manifest.params, a));
  });

  test(`${levelId}: broken after provisioning, the symptom fix is rejected, the reference fix passes`, async (t) => {
    await withEnvironment(t, opts.seeds[0], "", async ({ id, params }) => {
      const broken = await check(t, id, "after the fault");
      assert.equal(broken.passed, false, broken.message);

      const outage = await waitSli(orch, id, (s) => (s.successRate ?? 1) <= outageAtMost, 40_000);
      t.diagnostic(`${levelId} SLI during the outage: ${JSON.stringify(outage)}`);
      assert.ok(
        outage.requests >= 10 && (outage.successRate ?? 1) <= outageAtMost,
        `the mock client does not see the outage: ${JSON.stringify(outage)}`,
      );

      let started = Date.now();
      await runSteps(orch, id, manifest.symptomFix, params);
      t.diagnostic(`${levelId} symptom fix applied in ${seconds(Date.now() - started)}`);
      const symptom = await check(t, id, "after the symptom fix");
      assert.equal(symptom.passed, false, `the symptom fix must not pass: ${symptom.message}`);

      started = Date.now();
      await runSteps(orch, id, manifest.referenceFix, params);
      t.diagnostic(`${levelId} reference fix applied in ${seconds(Date.now() - started)}`);
      const fixed = await check(t, id, "after the reference fix");
      assert.equal(fixed.passed, true, fixed.message);

      const healthy = await waitSli(orch, id, (s) => (s.successRate ?? 0) >= 0.9, RECOVERY_MS);
      t.diagnostic(`${levelId} SLI after the fix: ${JSON.stringify(healthy)}`);
      assert.ok((healthy.successRate ?? 0) >= 0.9, `the mock client does not recover: ${JSON.stringify(healthy)}`);
    });
  });

  test(`${levelId}: another variant breaks too and the reference fix repairs it`, async (t) => {
    await withEnvironment(t, opts.seeds[1], "", async ({ id, params }) => {
      const broken = await check(t, id, "after the fault (variant B)");
      assert.equal(broken.passed, false, broken.message);
      await runSteps(orch, id, manifest.referenceFix, params);
      const fixed = await check(t, id, "after the reference fix (variant B)");
      assert.equal(fixed.passed, true, fixed.message);

      // A facilitator's second fault (manifest `injects`): its steps run through exec and users feel it.
      for (const inject of manifest.injects) {
        // Healthy first, so the drop below is the inject's doing, not the level's own fault still in the window.
        const healthy = await waitSli(orch, id, (s) => (s.successRate ?? 0) >= 0.9, RECOVERY_MS);
        assert.ok(
          (healthy.successRate ?? 0) >= 0.9,
          `not healthy before inject ${inject.id}: ${JSON.stringify(healthy)}`,
        );
        const started = Date.now();
        await runSteps(orch, id, inject.steps, params);
        const hit = await waitSli(orch, id, (s) => (s.successRate ?? 1) <= outageAtMost, 40_000, 5);
        t.diagnostic(
          `${levelId} inject ${inject.id}: SLI ${JSON.stringify(hit)} after ${seconds(Date.now() - started)}`,
        );
        assert.ok(
          (hit.successRate ?? 1) <= outageAtMost,
          `inject ${inject.id} does not show in the mock client: ${JSON.stringify(hit)}`,
        );
      }
    });
  });

  test(`${levelId}: tampering cannot fool the check`, async (t) => {
    await withEnvironment(t, opts.tamperSeed ?? opts.seeds[0], "tamper", async ({ id, params }) => {
      const broken = await check(t, id, "after the fault, before tampering");
      assert.equal(broken.passed, false, broken.message);
      const fooled: string[] = [];
      const attempt = async (tamper: SharedTamper) => {
        const started = Date.now();
        await runSteps(orch, id, tamper.steps, params, BYPASS);
        t.diagnostic(`${levelId} tamper ${tamper.id} applied in ${seconds(Date.now() - started)}`);
        const result = await check(t, id, `after tamper ${tamper.id}`);
        if (result.passed) fooled.push(`${tamper.id}: ${result.message}`);
        if (tamper.watchSli) {
          // The proxy now fakes answers to whoever asks from the host: customers must still see the outage.
          // Windows of the SLI (10 s each, not overlapping) are added up until they hold at least 5 requests.
          await sleep(SLI_AFTER_TAMPER_MS);
          let requests = 0;
          let failures = 0;
          for (let window = 0; window < 4 && requests < 5; window++) {
            if (window > 0) await sleep(WINDOW_MS);
            const sample = orch.sli(id).current;
            requests += sample.requests;
            failures += sample.failures;
            t.diagnostic(`${levelId} SLI after tamper ${tamper.id} (window ${window + 1}): ${JSON.stringify(sample)}`);
          }
          const rate = requests ? (requests - failures) / requests : 1;
          assert.ok(
            requests >= 5 && rate <= outageAtMost,
            `after tamper ${tamper.id} the mock client's success rate is ${rate.toFixed(2)} over ${requests} requests (the outage must stay visible, at most ${outageAtMost})`,
          );
        }
      };
      const shared = sharedTampers();
      for (const tamper of shared) await attempt(tamper);
      // The level's own tampers on top of the wrappers and SQL shadowing, but with a proxy that answers honestly
      // again: each is then rejected for its own sake, not because the proxy fakes everything.
      for (const tamper of shared) if (tamper.undo) await runSteps(orch, id, tamper.undo, params, BYPASS);
      for (const tamper of manifest.tampers) await attempt(tamper);
      assert.deepEqual(fooled, [], `the check passed after tampering:\n${fooled.join("\n")}`);
    });
  });

  test(`${levelId}: real alternative fixes are accepted`, async (t) => {
    if (manifest.alternativeFixes.length === 0) {
      t.diagnostic(`${levelId} has no alternativeFixes in level.yaml`);
      return;
    }
    for (const [n, fix] of manifest.alternativeFixes.entries()) {
      await withEnvironment(t, opts.seeds[n % 2] as string, `alt${n}`, async ({ id, params }) => {
        const broken = await check(t, id, `before alternative fix ${fix.id}`);
        assert.equal(broken.passed, false, broken.message);
        const started = Date.now();
        await runSteps(orch, id, fix.steps, params);
        t.diagnostic(`${levelId} alternative fix ${fix.id} applied in ${seconds(Date.now() - started)}`);
        const fixed = await check(t, id, `after alternative fix ${fix.id}`);
        assert.equal(fixed.passed, true, `${fix.id} (${fix.title}): ${fixed.message}`);
        const healthy = await waitSli(orch, id, (s) => (s.successRate ?? 0) >= 0.9, RECOVERY_MS);
        t.diagnostic(`${levelId} SLI after alternative fix ${fix.id}: ${JSON.stringify(healthy)}`);
        assert.ok(
          (healthy.successRate ?? 0) >= 0.9,
          `${fix.id}: the mock client does not recover: ${JSON.stringify(healthy)}`,
        );
      });
    }
  });
}
