/**
 * Environments heal fast and say so: `docker kill` of an environment's db is
 * noticed from the engine's events, the instance is back and healthy within
 * 10 s (not at the next 30 s reconcile, which is off here), and the room's
 * socket hears "db is down — restarting", then "db is back". A deliberate
 * restart says nothing; a killed keeper makes the environment lost.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { call } from "../docker/client";
import { listContainers } from "../docker/containers";
import { LABEL, slotFilter } from "../driver/labels";
import type { EnvironmentEvent } from "../events/event-bus";
import { labelled, request, testOrchestrator } from "./support/harness";

const orch = testOrchestrator({ warmPool: 0, reconcileSeconds: 3600 });
const oid = orch.config.orchestratorId;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  await orch.start();
});
after(async () => {
  for (const e of await orch.list()) if (e.state !== "destroyed") await orch.destroy(e.id).catch(() => undefined);
  await orch.stop();
  assert.deepEqual(await labelled(oid), { containers: [], networks: [], volumes: [] });
});

async function containerOf(envId: string, role: { instance: string } | "keeper") {
  const slot = orch.deps.envs.get(envId)!.slot;
  const all = await listContainers(slotFilter(oid, slot));
  const c =
    role === "keeper"
      ? all.find((x) => x.Labels[LABEL.role] === "keeper")
      : all.find((x) => x.Labels[LABEL.instance] === role.instance);
  assert.ok(c, `container ${JSON.stringify(role)} of ${envId}`);
  return c;
}

function collect(envId: string) {
  const events: Extract<EnvironmentEvent, { type: "instance" }>[] = [];
  const off = orch.deps.bus.subscribe(envId, (e) => {
    if (e.type === "instance") events.push(e);
  });
  return { events, off };
}

async function until<T>(what: string, f: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(50);
  }
}

test("docker kill of the db: back and healthy within 10 s, and the room is told", async () => {
  const stack = await orch.deps.levels.stack(orch.deps.levels.get(request("x").levelId).manifest.stack);
  const victim = stack.instances.find((i) => i.name === "db")?.name ?? stack.instances[0]!.name;
  await orch.provision(request("kill-1"));
  const { events, off } = collect("kill-1");
  try {
    const db = await containerOf("kill-1", { instance: victim });
    const t0 = Date.now();
    await call("kill", (d) => d.getContainer(db.Id).kill({ signal: "SIGKILL" }));
    const down = await until("down", () => events.find((e) => e.state === "down"));
    const told = (Date.parse(down.at) - t0) / 1000;
    const started = await until("started", () => events.find((e) => e.state === "started"), 10_000);
    const running = (Date.parse(started.at) - t0) / 1000;
    assert.equal((await orch.get("kill-1")).instances.find((i) => i.name === victim)?.state, "running");
    const up = await until("up", () => events.find((e) => e.state === "up"), 120_000);
    const answering = (Date.parse(up.at) - t0) / 1000;
    console.log(
      `# docker kill ${victim}: room told in ${told.toFixed(2)} s, running again in ${running.toFixed(2)} s, its service answering in ${answering.toFixed(2)} s`,
    );
    assert.ok(told < 3, `told within 3 s (${told} s)`);
    assert.ok(running < 10, `running again within 10 s (${running} s)`);
    assert.equal(down.instance, victim);
    assert.match(down.message, new RegExp(`^${victim} is down \\(exit 137\\) — restarting$`));
    assert.match(up.message, new RegExp(`^${victim} is back \\(answering [\\d.]+ s after it stopped\\)$`));
    const view = await orch.get("kill-1");
    assert.equal(view.state, "ready");
    // Kept on the record, so the web puts them on the attempt's timeline (in the order they happened).
    assert.deepEqual(
      view.machineEvents.map((e) => [e.state, e.message, e.at]),
      [down, started, up].map((e) => [e.state, e.message, e.at]),
    );
  } finally {
    off();
  }
});

test("a deliberate restart (as a check does) is not announced as an outage", async () => {
  const { events, off } = collect("kill-1");
  try {
    const name = (await orch.get("kill-1")).instances[0]!.name;
    await orch.restartInstance("kill-1", name);
    await sleep(1500);
    assert.deepEqual(events, []);
  } finally {
    off();
  }
});

test("a killed keeper (the volumes' holder) makes the environment lost, and the room is told", async () => {
  const { events, off } = collect("kill-1");
  try {
    const keeper = await containerOf("kill-1", "keeper");
    await call("kill", (d) => d.getContainer(keeper.Id).kill({ signal: "SIGKILL" }));
    const lost = await until("lost", () => events.find((e) => e.state === "lost"));
    assert.match(lost.message, /lost its volumes/);
    const view = await until("failed", () => {
      const r = orch.deps.envs.get("kill-1");
      return r?.state === "failed" ? r : undefined;
    });
    assert.match(view.error ?? "", /environment lost/);
  } finally {
    off();
  }
});
