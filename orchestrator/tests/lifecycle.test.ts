/**
 * Provision → healthy → fault → check → fix → restart → destroy, against the
 * real engine, and nothing labelled is left behind.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { resolveParams } from "../../lib/levels/params";
import { OrchestratorError } from "../errors";
import { labelled, LEVEL, REAL_STACK, request, SHELL_INSTANCE, testOrchestrator } from "./support/harness";

const orch = testOrchestrator();
const oid = orch.config.orchestratorId;

before(async () => {
  await orch.start();
});
after(async () => {
  for (const e of await orch.list()) if (e.state !== "destroyed") await orch.destroy(e.id).catch(() => undefined);
  await orch.stop();
});

test("provision reports every stage and resolves when ready", async () => {
  const seen: string[] = [];
  const t0 = Date.now();
  const view = await orch.provision(request("life-1"), (stage) => seen.push(`${stage.name}:${stage.status}`));
  assert.equal(view.state, "ready");
  assert.equal(view.fromWarmPool, false);
  for (const s of ["network", "volumes", "containers", "healthy", "fault"]) {
    assert.ok(seen.includes(`${s}:running`) && seen.includes(`${s}:done`), `${s} in ${seen.join(", ")}`);
    assert.equal(view.stages.find((x) => x.name === s)?.status, "done");
  }
  assert.deepEqual(view.params, resolveParams(orch.deps.levels.get(LEVEL).manifest.params, "seed-1"));
  assert.deepEqual(
    view.instances.map((i) => i.name),
    ["app", "db", "proxy"],
  );
  assert.ok(view.instances.every((i) => i.state === "running"));
  console.log(`# provision ${LEVEL} (${REAL_STACK ? "real stack" : "fixture stack"}): ${Date.now() - t0} ms`);
});

test("provisioning the same id again returns it; another request under that id is a conflict", async () => {
  const again = await orch.provision(request("life-1"));
  assert.equal(again.state, "ready");
  await assert.rejects(
    orch.provision({ ...request("life-1"), seed: "other" }),
    (e: unknown) => e instanceof OrchestratorError && e.code === "conflict",
  );
});

test("the check fails on the fault, passes after the reference fix, and the fix survives a restart", async () => {
  const level = orch.deps.levels.get(LEVEL).manifest;
  const before = await orch.check("life-1");
  assert.equal(before.passed, false, before.message);
  const params = (await orch.get("life-1")).params;
  for (const step of level.referenceFix) {
    const script = step.run.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
    const r = await orch.exec("life-1", step.instance, script);
    assert.equal(r.exitCode, 0, r.stderr);
  }
  const fixed = await orch.check("life-1");
  assert.equal(fixed.passed, true, fixed.message);

  // Data on a volume survives an instance restart (tmpfs volumes held by the keeper).
  await orch.exec("life-1", SHELL_INSTANCE, `echo persisted > ${REAL_STACK ? "/var/lib/app" : "/var/log/mini"}/probe`);
  const restarted = await orch.restartInstance("life-1", SHELL_INSTANCE);
  assert.equal(restarted.instances.find((i) => i.name === SHELL_INSTANCE)?.state, "running");
  const probe = await orch.exec("life-1", SHELL_INSTANCE, `cat ${REAL_STACK ? "/var/lib/app" : "/var/log/mini"}/probe`);
  assert.equal(probe.stdout.trim(), "persisted");
  assert.equal((await orch.check("life-1")).passed, true);
});

test("exec never throws on a non-zero exit and honours its timeout", async () => {
  const r = await orch.exec("life-1", SHELL_INSTANCE, "echo out; echo err >&2; exit 3");
  assert.deepEqual(r, { exitCode: 3, stdout: "out\n", stderr: "err\n" });
  const t0 = Date.now();
  const slow = await orch.exec("life-1", SHELL_INSTANCE, "sleep 30", { timeoutMs: 1000 });
  assert.equal(slow.exitCode, 124);
  assert.ok(Date.now() - t0 < 6000);
});

test("stats, logs and the SLI describe the live environment", async () => {
  const stats = await orch.stats("life-1");
  assert.equal(stats.length, 3);
  const withVolume = stats.find((s) => s.disks.some((d) => d.totalBytes > 0));
  assert.ok(withVolume, JSON.stringify(stats));
  assert.ok(stats.every((s) => s.memoryLimitBytes > 0 && s.processes >= 1));
  await new Promise((r) => setTimeout(r, 2500));
  const sli = orch.sli("life-1");
  assert.ok(sli.history.length >= 1);
  assert.ok(sli.current.requests > 0, JSON.stringify(sli.current));
  // The restart in the previous test may still be in the 10-second window.
  assert.ok((sli.current.successRate ?? 0) >= 0.5, JSON.stringify(sli.current));
  const logs = await orch.logs("life-1", "proxy", 20);
  assert.ok(Array.isArray(logs));
});

test("an unknown level or a bad request is refused before anything is created", async () => {
  await assert.rejects(
    orch.provision({ ...request("life-x"), levelId: "no-such-level" }),
    (e: unknown) => e instanceof OrchestratorError && e.code === "not_found",
  );
  await assert.rejects(
    orch.provision({ ...request("BAD ID") }),
    (e: unknown) => e instanceof OrchestratorError && e.code === "bad_request",
  );
  await assert.rejects(orch.get("life-x"), (e: unknown) => e instanceof OrchestratorError && e.code === "not_found");
});

test("destroy removes every labelled container, network and volume; it is idempotent", async () => {
  const before = await labelled(oid);
  assert.ok(before.containers.length >= 4, JSON.stringify(before)); // 3 instances + keeper
  assert.equal(before.networks.length, 1);
  const gone = await orch.destroy("life-1");
  assert.equal(gone.state, "destroyed");
  assert.deepEqual(await labelled(oid), { containers: [], networks: [], volumes: [] });
  assert.equal((await orch.destroy("life-1")).state, "destroyed");
  await assert.rejects(
    orch.exec("life-1", SHELL_INSTANCE, "true"),
    (e: unknown) => e instanceof OrchestratorError && e.code === "conflict",
  );
});
