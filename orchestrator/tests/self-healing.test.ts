/**
 * Warm pool, reconcile and reaper against the real engine: a claimed pool slot
 * becomes the environment; orphans go; stopped instances come back; a lost
 * environment is marked failed; idle environments are warned, then reaped.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createNetwork } from "../docker/networks";
import { listContainers, removeContainer } from "../docker/containers";
import { call } from "../docker/client";
import { LABEL, ownedFilter, slotFilter, slotLabels } from "../driver/labels";
import type { EnvironmentEvent } from "../events/event-bus";
import { LEVEL, labelled, request, testLevelsDir, testOrchestrator } from "./support/harness";

// Healing on the engine's events is off here, so reconcile's own repair is what is tested (heal-on-exit.test.ts has the other).
const orch = testOrchestrator({ warmPool: 1, healOnExit: false });
const oid = orch.config.orchestratorId;

/** The test level again, sizing the app's data volume its own way (volumeSizes): 4 MB. */
const SIZED = "fixture-sized";
const SIZED_MB = 4;

before(async () => {
  const dir = join(testLevelsDir(), SIZED);
  cpSync(join(testLevelsDir(), LEVEL), dir, { recursive: true, dereference: true });
  const yaml = readFileSync(join(dir, "level.yaml"), "utf8").replace(`id: ${LEVEL}\n`, `id: ${SIZED}\n`);
  writeFileSync(join(dir, "level.yaml"), `${yaml}\nvolumeSizes: { app/data: ${SIZED_MB} }\n`);
  await orch.start();
  assert.deepEqual(orch.levels().errors, []);
});
after(async () => {
  for (const e of await orch.list()) if (e.state !== "destroyed") await orch.destroy(e.id).catch(() => undefined);
  await orch.stop();
  await orch.drainWarmPool();
  assert.deepEqual(await labelled(oid), { containers: [], networks: [], volumes: [] });
});

test("warm pool: a provision takes a ready slot, applies the fault, and the pool refills", async () => {
  const stack = orch.deps.levels.get(request("x").levelId).manifest.stack;
  const poolOf = () => orch.deps.pool.all().filter((p) => p.stack === stack);
  await orch.fillWarmPool();
  const pool = poolOf();
  assert.equal(pool.length, 1);
  assert.equal(pool[0]?.state, "ready");
  const slot = (pool[0] as { slot: string }).slot;

  const t0 = Date.now();
  const view = await orch.provision(request("warm-1"));
  const ms = Date.now() - t0;
  assert.equal(view.fromWarmPool, true);
  assert.equal(view.state, "ready");
  assert.equal(view.stages.find((s) => s.name === "fault")?.status, "done");
  assert.equal(orch.deps.envs.get("warm-1")?.slot, slot);
  assert.equal((await orch.check("warm-1")).passed, false);
  // Labels are immutable: the objects still say pool; the state file says whose they are.
  const containers = await listContainers(slotFilter(oid, slot));
  assert.ok(containers.every((c) => c.Labels[LABEL.pool] === "warm"));
  assert.ok(
    containers.some((c) => c.Names[0]?.includes("warm-1")),
    "instances renamed after the environment",
  );
  console.log(`# provision from the warm pool: ${ms} ms`);

  await orch.fillWarmPool();
  const refilled = poolOf();
  assert.equal(refilled.length, 1);
  assert.notEqual(refilled[0]?.slot, slot);

  await orch.destroy("warm-1");
  assert.equal((await listContainers(slotFilter(oid, slot))).length, 0);
});

test("a level that sizes a volume its own way is built with that size, never on a warm slot", async () => {
  await orch.fillWarmPool();
  const warm = orch.deps.pool.all().map((p) => p.slot);
  assert.equal(warm.length, 1);
  const view = await orch.provision({ ...request("sized-1"), levelId: SIZED });
  assert.equal(view.state, "ready");
  assert.equal(view.fromWarmPool, false);
  assert.deepEqual(
    orch.deps.pool.all().map((p) => p.slot),
    warm,
    "the warm slot is still there",
  );
  const app = (await orch.stats("sized-1")).find((s) => s.instance === "app");
  const data = orch.deps.levels.get(LEVEL).manifest.stack === "_stack" ? "/var/lib/app" : "/srv/data";
  assert.equal(app?.disks.find((d) => d.mount === data)?.totalBytes, SIZED_MB * 1024 * 1024, JSON.stringify(app));
  await orch.destroy("sized-1");
});

test("reconcile removes labelled objects no record owns", async () => {
  const labels = slotLabels({
    orchestratorId: oid,
    slot: "orphan-1",
    stack: "_stack",
    environment: "orphan-1",
    attempt: "",
    level: "",
    seed: "",
    pool: false,
  });
  await createNetwork({ Name: `fd-${oid}-orphan-1`, Internal: true, Labels: labels });
  const report = await orch.reconcileNow();
  assert.ok(report && report.orphans.includes("orphan-1"), JSON.stringify(report));
  assert.ok(!(await labelled(oid)).networks.includes(`fd-${oid}-orphan-1`));
});

test("reconcile starts stopped instances of a ready environment, and marks a lost one failed", async () => {
  await orch.provision(request("heal-1"));
  const slot = orch.deps.envs.get("heal-1")!.slot; // maybe a warm-pool slot
  const [proxy] = await listContainers({ ...slotFilter(oid, slot), [LABEL.instance]: "proxy" });
  assert.ok(proxy);
  await call("stop", (d) => d.getContainer(proxy.Id).stop({ t: 1 }));
  const report = await orch.reconcileNow();
  assert.ok(report && report.restarted.includes("heal-1/proxy"), JSON.stringify(report));
  assert.equal((await orch.get("heal-1")).instances.find((i) => i.name === "proxy")?.state, "running");

  await removeContainer(proxy.Id);
  await orch.reconcileNow();
  const lost = await orch.get("heal-1");
  assert.equal(lost.state, "failed");
  assert.match(lost.error ?? "", /environment lost: instances proxy are gone/);
  assert.equal((await listContainers(slotFilter(oid, slot))).length, 0);
  assert.equal((await listContainers(ownedFilter(oid))).filter((c) => c.Labels[LABEL.slot] === slot).length, 0);
});

test("the reaper warns 5 minutes before and destroys idle environments", async () => {
  await orch.provision(request("idle-1"));
  const events: EnvironmentEvent[] = [];
  const off = orch.deps.bus.subscribe("idle-1", (e) => events.push(e));
  const realNow = () => new Date();
  try {
    orch.deps.now = () => new Date(Date.now() + 26 * 60_000);
    await orch.reconcileNow();
    const warning = events.find((e) => e.type === "warning");
    assert.ok(warning && warning.type === "warning" && warning.reason === "idle", JSON.stringify(events));
    assert.equal((await orch.get("idle-1")).state, "ready");

    orch.deps.now = () => new Date(Date.now() + 31 * 60_000);
    await orch.reconcileNow();
    assert.equal((await orch.get("idle-1")).state, "destroyed");
    assert.ok(events.some((e) => e.type === "destroyed"));
  } finally {
    orch.deps.now = realNow;
    off();
  }
});
