/**
 * kill -9 the orchestrator in the middle of provisioning, ten times, at varying
 * moments. After each restart and its first reconcile: every record ends ready
 * or failed with an error, and nothing labelled is left without a live record.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { EnvironmentView } from "../../lib/contracts/orchestrator-api";
import { orchestratorIdFor } from "../driver/names";
import { LABEL, ownedFilter } from "../driver/labels";
import { listContainers } from "../docker/containers";
import { createDockerDriver } from "../driver/docker/create-docker-driver";
import { listNetworks } from "../docker/networks";
import { listVolumes } from "../docker/volumes";
import { labelled, LEVEL, tempDataDir, testLevelsDir } from "./support/harness";
import { startChild, type Child } from "./support/child-orchestrator";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const dataDir = tempDataDir();
const oid = orchestratorIdFor(resolve(dataDir, "orchestrator"));
const env = { FIREDRILL_DATA_DIR: dataDir, LEVELS_DIR: testLevelsDir(), ORCHESTRATOR_WARM_POOL: "0" };
let child: Child | undefined;

after(async () => {
  child?.proc.kill("SIGKILL");
  // After a failure midway, nothing may stay behind: remove whatever this orchestrator labelled.
  const driver = createDockerDriver(oid);
  for (const slot of (await driver.slots()).keys()) await driver.destroy(slot);
});

async function slotsLabelled(): Promise<Set<string>> {
  const f = ownedFilter(oid);
  const [c, n, v] = await Promise.all([listContainers(f), listNetworks(f), listVolumes(f)]);
  return new Set(
    [...c.map((x) => x.Labels), ...n.map((x) => x.Labels), ...v.map((x) => x.Labels)].map(
      (l) => (l ?? {})[LABEL.slot] as string,
    ),
  );
}

async function settle(c: Child, timeoutMs = 120_000): Promise<EnvironmentView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await c.api<{ environments: EnvironmentView[] }>("GET", "/environments");
    const busy = body.environments.filter((e) => e.state === "provisioning" || e.state === "destroying");
    if (busy.length === 0) return body.environments;
    if (Date.now() > deadline)
      throw new Error(
        `still busy: ${busy.map((e) => `${e.id}:${e.state}${e.error ? ` (${e.error})` : ""}`).join(", ")}\n` +
          `the orchestrator's last lines:\n${c.output.join("").slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("kill -9 mid-provision ×10: every record ends ready or failed, no orphans", { timeout: 15 * 60_000 }, async () => {
  const delays = [0, 50, 150, 300, 500, 800, 1200, 1700, 2300, 3000];
  child = await startChild(env);
  for (const [i, delay] of delays.entries()) {
    const id = `kill-${i}`;
    const created: { status: number; body: EnvironmentView } = await child.api<EnvironmentView>(
      "POST",
      "/environments",
      { id, attemptId: `att-${i}`, levelId: LEVEL, seed: `seed-${i}` },
    );
    assert.equal(created.status, 202, JSON.stringify(created.body));
    await new Promise((r) => setTimeout(r, delay));
    child.proc.kill("SIGKILL");
    await child.exited;
    const onDisk = JSON.parse(
      await readFile(join(dataDir, "orchestrator/environments", `${id}.json`), "utf8").catch(() => "null"),
    ) as EnvironmentView | null;
    const killedAt = onDisk
      ? (onDisk.stages.find((s) => s.status === "running")?.name ?? onDisk.state)
      : "before the record";

    child = await startChild(env); // start() runs one reconcile before listening
    const envs = await settle(child);
    assert.ok(
      envs.some((e) => e.id === id),
      `${id} was accepted (202) but is not recorded`,
    );
    for (const e of envs) {
      assert.ok(e.state === "ready" || e.state === "failed" || e.state === "destroyed", `${e.id} is ${e.state}`);
      if (e.state === "failed") assert.ok(e.error && e.error.length > 0, `${e.id} failed without an error`);
      if (e.state === "ready")
        assert.ok(
          e.instances.length === 3 && e.instances.every((x) => x.state === "running"),
          JSON.stringify(e.instances),
        );
    }
    const live = new Set(envs.filter((e) => e.state === "ready").map((e) => orchestratorSlot(e.id)));
    const slots = await slotsLabelled();
    assert.deepEqual([...slots].sort(), [...live].sort(), `after kill at ${delay} ms: orphans or missing objects`);
    console.log(`# kill at ${delay} ms (during ${killedAt}): ${id} ${envs.find((e) => e.id === id)?.state}`);
  }

  const envs = (await child.api<{ environments: EnvironmentView[] }>("GET", "/environments")).body.environments;
  for (const e of envs) assert.equal((await child.api("DELETE", `/environments/${e.id}`)).status, 202);
  const final = await settle(child);
  assert.ok(final.every((e) => e.state === "destroyed"));
  child.proc.kill("SIGTERM");
  await child.exited;
  child = undefined;
  assert.deepEqual(await labelled(oid), { containers: [], networks: [], volumes: [] });
});

/** Cold environments own the slot named after them (no warm pool here). */
function orchestratorSlot(id: string): string {
  return id;
}
