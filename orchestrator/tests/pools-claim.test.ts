/**
 * Pre-broken pools, the claim path, against the real engine: a claimed environment carries the
 * POOL's seed and parameters (the fault's seed-dependent state matches them, the check fails
 * before the reference fix and passes after it), its clock and SLI history start at the claim,
 * a retry with the attempt's first seed finds it, and it is hardened exactly like a cold one.
 * With the pool empty (or `pooled: false`) POST /environments falls back to a cold start.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { EnvironmentView } from "../../lib/contracts/orchestrator-api";
import { resolveParams } from "../../lib/levels/params";
import { inspectContainer, listContainers } from "../docker/containers";
import { LABEL, ownedFilter } from "../driver/labels";
import type { Orchestrator } from "../service";
import { LEVEL, REAL_STACK, labelled, request, testOrchestrator } from "./support/harness";

let orch: Orchestrator;
const made: string[] = [];

before(async () => {
  orch = testOrchestrator({ poolCeiling: 2 });
  await orch.start();
});

after(async () => {
  for (const id of made) await orch.destroy(id).catch(() => undefined);
  await orch.drainPools();
  await orch.stop();
  const left = await labelled(orch.config.orchestratorId);
  assert.deepEqual(left.containers, [], "nothing labelled is left");
});

const marker = async (id: string) =>
  (await orch.exec(id, REAL_STACK ? "app" : "proxy", "cat /var/lib/app/fd-marker 2>/dev/null || true")).stdout.trim();

/** What the player and the check could tell apart: the instance's limits and hardening (names and slot aside). */
async function hardening(slot: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const containers = await listContainers({ ...ownedFilter(orch.config.orchestratorId), [LABEL.slot]: slot });
  for (const c of containers) {
    const i = await inspectContainer(c.Id);
    const h = i.HostConfig as Record<string, unknown>;
    const name = c.Labels?.[LABEL.instance] ?? c.Labels?.[LABEL.role] ?? "?";
    out[name] = {
      image: i.Config.Image,
      user: i.Config.User,
      hostname: name === "keeper" ? "(the container id)" : i.Config.Hostname,
      env: [...(i.Config.Env ?? [])].sort(),
      capDrop: h.CapDrop,
      capAdd: [...((h.CapAdd as string[] | null) ?? [])].sort(),
      securityOpt: h.SecurityOpt,
      privileged: h.Privileged,
      readonly: h.ReadonlyRootfs,
      memory: h.Memory,
      swap: h.MemorySwap,
      pids: h.PidsLimit,
      cpus: [h.NanoCpus, h.CpuQuota, h.CpuPeriod, h.CpuShares],
      ulimits: h.Ulimits,
      storage: h.StorageOpt,
      tmpfs: h.Tmpfs,
      ports: h.PortBindings,
      log: h.LogConfig,
      networks: Object.keys(i.NetworkSettings.Networks ?? {}).length,
      mounts: (i.Mounts ?? []).map((m) => `${m.Type}:${m.Destination}:${m.RW}`).sort(),
    };
  }
  return out;
}

let claimed: EnvironmentView;

test(
  "a claimed pre-broken environment carries the pool's seed, and the check judges that variant",
  { timeout: 170_000 },
  async () => {
    orch.setPoolDemand({ levels: [{ levelId: LEVEL, want: 1, reason: "test", until: null }] });
    const filled = await orch.fillPools();
    const row = filled.levels.find((l) => l.levelId === LEVEL);
    assert.equal(row?.ready, 1, JSON.stringify(filled));
    assert.equal(row?.reason, "test");
    const pooled = orch.deps.pools.all().find((p) => p.levelId === LEVEL && p.state === "ready");
    assert.ok(pooled);
    assert.ok(
      pooled.stages.every((s) => s.status === "done"),
      "the fault ran in the pool",
    );
    assert.equal((await orch.list()).length, 0, "a pooled environment is nobody's environment");
    // Nobody gets in before the claim: no shell, exec or check reaches a pooled environment by its id.
    await assert.rejects(orch.exec(pooled.id, "app", "true"), /not found/);
    await assert.rejects(orch.check(pooled.id), /not found/);

    const asked = "asked-seed";
    const t0 = Date.now();
    // The web's path (POST /environments answers at once): a claim answers ready, so the room opens with its shells.
    claimed = await orch.provisionInBackground(request("pc-claim", asked));
    const ms = Date.now() - t0;
    made.push(claimed.id);
    assert.equal(claimed.state, "ready");
    assert.equal(claimed.fromWarmPool, true);
    assert.equal(claimed.seed, pooled.seed);
    assert.notEqual(claimed.seed, asked);
    const manifest = orch.deps.levels.get(LEVEL).manifest;
    assert.deepEqual(claimed.params, resolveParams(manifest.params, pooled.seed));
    assert.equal(claimed.stages.find((s) => s.name === "fault")?.message, "applied in the pool");
    assert.ok(Date.parse(claimed.readyAt ?? "") >= t0 - 5, "the attempt's clock starts at the claim");
    assert.ok(Date.parse(claimed.createdAt) >= t0 - 5, "time in the pool is not the attempt's");
    assert.equal(orch.deps.pools.get(pooled.id), undefined, "the pool record is gone");
    assert.ok(ms < 3000, `claim took ${ms} ms`);
    console.log(`# claim → ready: ${ms} ms`);

    // The fault's seed-dependent state is the adopted variant's.
    assert.equal(await marker(claimed.id), String(claimed.params.marker));
    // History starts at the claim: every SLI sample is the attempt's own.
    await new Promise((r) => setTimeout(r, 2500));
    const sli = orch.sli(claimed.id);
    assert.ok(sli.history.length > 0, "the mock client runs from the claim");
    assert.ok(
      sli.history.every((s) => Date.parse(s.at) >= t0 - 5),
      "no sample from the time in the pool",
    );

    // A retry with the attempt's first seed (or the adopted one) is the same environment.
    assert.equal((await orch.provision(request("pc-claim", asked))).seed, pooled.seed);
    assert.equal((await orch.provision(request("pc-claim", pooled.seed))).id, "pc-claim");
    await assert.rejects(orch.provision(request("pc-claim", "a-third-seed")), /exists for attempt/);

    const before = await orch.check(claimed.id);
    assert.equal(before.passed, false, before.message);
    for (const step of REAL_STACK ? [{ instance: "app", run: "rm -f /var/lib/app/fd-marker" }] : [])
      assert.equal((await orch.exec(claimed.id, step.instance, step.run)).exitCode, 0);
    const fixed = await orch.check(claimed.id);
    assert.equal(fixed.passed, true, fixed.message);
  },
);

test(
  "pool empty or refused: a cold start under the attempt's own seed, hardened like the claimed one",
  { timeout: 170_000 },
  async () => {
    // No more pooled environments: any refill the claim started is finished, then evicted.
    orch.config.poolCeiling = 0;
    await orch.fillPools();
    await orch.poolManager.kick();
    assert.equal(orch.deps.pools.all().length, 0, JSON.stringify(orch.pools()));

    const cold = await orch.provision(request("pc-cold", "cold-seed"));
    made.push(cold.id);
    assert.equal(cold.fromWarmPool, false);
    assert.equal(cold.seed, "cold-seed");
    assert.equal(
      await marker(cold.id),
      String(resolveParams(orch.deps.levels.get(LEVEL).manifest.params, "cold-seed").marker),
    );

    const a = await hardening(orch.deps.envs.get(claimed.id)?.slot ?? "");
    const b = await hardening(orch.deps.envs.get(cold.id)?.slot ?? "");
    assert.ok(Object.keys(a).length >= 3, JSON.stringify(a));
    assert.deepEqual(a, b, "a claimed environment is hardened exactly like a fresh one");
  },
);
