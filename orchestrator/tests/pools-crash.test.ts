/**
 * Pools survive a crash. The orchestrator (orchestrator/main.ts, a real process) is killed with
 * SIGKILL while it fills a pre-broken pool; after the restart its first reconcile leaves no
 * half-built pooled environment (record or Docker object) and the pool is filled again from the
 * persisted demand. Killed again with the pool ready, the restarted orchestrator adopts the ready
 * pooled environment as it is, and a POST /environments claims it over HTTP.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import type { EnvironmentView, PoolsView } from "../../lib/contracts/orchestrator-api";
import { createDockerDriver } from "../driver/docker/create-docker-driver";
import { orchestratorIdFor } from "../driver/names";
import type { EnvironmentRecord } from "../state/environment-record";
import { startChild, type Child } from "./support/child-orchestrator";
import { LEVEL, tempDataDir, testLevelsDir } from "./support/harness";

const dataDir = tempDataDir();
const oid = orchestratorIdFor(resolve(dataDir, "orchestrator"));
const env = {
  FIREDRILL_DATA_DIR: dataDir,
  LEVELS_DIR: testLevelsDir(),
  ORCHESTRATOR_WARM_POOL: "0",
  ORCHESTRATOR_POOL_FLOOR: "0",
  ORCHESTRATOR_POOL_CEILING: "1",
  ORCHESTRATOR_RECONCILE_SECONDS: "2",
};
const driver = createDockerDriver(oid);
let child: Child | undefined;

after(async () => {
  child?.proc.kill("SIGKILL");
  await child?.exited;
  for (const slot of (await driver.slots()).keys()) await driver.destroy(slot);
});

async function poolRecords(): Promise<EnvironmentRecord[]> {
  const dir = join(dataDir, "orchestrator/pools");
  const files = await readdir(dir).catch(() => [] as string[]);
  const out: EnvironmentRecord[] = [];
  for (const f of files.filter((n) => n.endsWith(".json")))
    out.push(JSON.parse(await readFile(join(dir, f), "utf8")) as EnvironmentRecord);
  return out;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const readyCount = async (c: Child) =>
  (await c.api<PoolsView>("GET", "/pools")).body.levels.find((l) => l.levelId === LEVEL)?.ready ?? 0;

test(
  "kill -9 during a refill: no half-built pooled environment after the restart, the pool refills and is adopted",
  { timeout: 170_000 },
  async () => {
    child = await startChild(env);
    const put = await child.api<PoolsView>("PUT", "/pools/demand", {
      levels: [{ levelId: LEVEL, want: 1, reason: "crash test", until: null }],
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const bad = await child.api("PUT", "/pools/demand", {
      levels: [{ levelId: LEVEL, want: 99, reason: "", until: null }],
    });
    assert.equal(bad.status, 400, "a demand out of range is refused");
    const notADate = await child.api("PUT", "/pools/demand", {
      levels: [{ levelId: LEVEL, want: 1, reason: "", until: "next thursday" }],
    });
    assert.equal(notADate.status, 400, "an `until` that is not a date is refused");
    assert.equal((await child.api<PoolsView>("GET", "/pools")).body.levels.find((l) => l.levelId === LEVEL)?.target, 1);

    // Mid-fill: the containers exist, the fault has not finished.
    const half = await until(
      "a pooled environment being built",
      async () =>
        (await poolRecords()).find(
          (p) => p.state === "provisioning" && p.stages.some((s) => s.name === "containers" && s.status !== "pending"),
        ),
      60_000,
    );
    child.proc.kill("SIGKILL");
    await child.exited;

    child = await startChild(env); // start() runs one reconcile before listening
    assert.ok(!(await poolRecords()).some((p) => p.id === half.id), "the half-built record is gone");
    assert.ok(!(await driver.slots()).has(half.slot), "and its Docker objects");
    await until("the pool refilled", async () => ((await readyCount(child as Child)) >= 1 ? true : undefined), 120_000);
    const [ready] = (await poolRecords()).filter((p) => p.state === "ready");
    assert.ok(ready);
    assert.notEqual(ready.id, half.id);

    // Killed with the pool ready: adopted as it is (same environment, not rebuilt).
    child.proc.kill("SIGKILL");
    await child.exited;
    child = await startChild(env);
    assert.equal(await readyCount(child), 1);
    assert.deepEqual(
      (await poolRecords()).map((p) => p.id),
      [ready.id],
    );
    assert.ok((await driver.slots()).has(ready.slot));

    // Claimed over HTTP: the answer (202) already names the pool's seed, for the web to adopt.
    const created = await child.api<EnvironmentView>("POST", "/environments", {
      id: "crash-claim",
      attemptId: "att-crash",
      levelId: LEVEL,
      seed: "web-seed",
    });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    assert.equal(created.body.fromWarmPool, true);
    assert.equal(created.body.seed, ready.seed);
    const slots = [...(await driver.slots()).keys()];
    assert.ok(
      slots.every((s) => s === ready.slot || s.startsWith("pb-")),
      `only pooled slots: ${slots.join(", ")}`,
    );
  },
);
