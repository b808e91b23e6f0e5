import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { StackManifest } from "../../lib/levels/stack-schema";
import { resolveConfig } from "../config";
import type { Deps } from "../deps";
import type { EnvironmentDriver, InstanceStatus } from "../driver/types";
import { OrchestratorError } from "../errors";
import { InMemoryEventBus } from "../events/event-bus";
import { JsonDirStore } from "../state/json-dir-store";
import { Gate } from "../util/gate";
import { KeyedLock } from "../util/keyed-lock";
import { buildSlot } from "./build-slot";
import { EnvironmentRecordSchema, type EnvironmentRecord } from "../state/environment-record";
import { sampleRecord } from "../tests/support/sample-record";

const stack = { instances: [{ name: "db", healthcheck: ["NONE", "x"] }] } as unknown as StackManifest;

/** A driver whose steps fail the first `failures[step]` times with the engine's transient error. */
function flakyDriver(failures: Partial<Record<"ensureNetwork" | "ensureInstances", number>>, state = "running") {
  const calls: string[] = [];
  const step = (name: "ensureNetwork" | "ensureVolumes" | "ensureInstances") => () => {
    calls.push(name);
    const left = failures[name as keyof typeof failures] ?? 0;
    if (left > 0) {
      failures[name as keyof typeof failures] = left - 1;
      return Promise.reject(
        new OrchestratorError("failed", "start container fd-x-db: cannot start a stopped process: unknown"),
      );
    }
    return Promise.resolve();
  };
  const driver = {
    name: "flaky",
    ensureNetwork: step("ensureNetwork"),
    ensureVolumes: step("ensureVolumes"),
    ensureInstances: step("ensureInstances"),
    removeInstances: () => {
      calls.push("removeInstances");
      return Promise.resolve();
    },
    instances: (): Promise<InstanceStatus[]> =>
      Promise.resolve([{ name: "db", state, health: state === "running" ? "healthy" : null, address: null }]),
    tailLogs: () => Promise.resolve([]),
  } as unknown as EnvironmentDriver;
  return { driver, calls };
}

function depsWith(driver: EnvironmentDriver, buildTries = 3): Deps {
  const dir = mkdtempSync(join(tmpdir(), "fd-build-"));
  const warnings: string[] = [];
  const config = resolveConfig({
    dataDir: dir,
    buildTries,
    buildRetryDelayMs: 1,
    healthyTimeoutMs: 50,
    log: (_level, m) => warnings.push(m),
  });
  const envs = new JsonDirStore(join(dir, "envs"), EnvironmentRecordSchema);
  const pool = new JsonDirStore(join(dir, "pool"), EnvironmentRecordSchema);
  envs.load();
  pool.load();
  return {
    config,
    driver,
    envs,
    pool,
    bus: new InMemoryEventBus(),
    locks: new KeyedLock(),
    bootGate: new Gate(2),
    inflight: new Map(),
    cancelled: new Set(),
    claiming: new Set(),
    now: () => new Date(),
    onDestroy: [],
  } as unknown as Deps;
}

function record(): EnvironmentRecord {
  return sampleRecord({
    id: "env-1",
    slot: "env-1",
    stack: "web",
    image: "firedrill/web:1",
    attemptId: "a1",
    levelId: "l1",
  });
}

test("a container start the engine fails twice is retried, instances recreated, and the build succeeds", async () => {
  const { driver, calls } = flakyDriver({ ensureInstances: 2 });
  const deps = depsWith(driver);
  const rec = await buildSlot(deps, record(), stack);
  assert.equal(rec.stages.find((s) => s.name === "healthy")?.status, "done");
  assert.equal(calls.filter((c) => c === "ensureInstances").length, 3);
  assert.equal(calls.filter((c) => c === "removeInstances").length, 2, "what the failed try left is removed first");
  // The second try starts from fresh volumes too (removeInstances takes them).
  assert.equal(calls.filter((c) => c === "ensureVolumes").length, 3);
});

test("a failed network step is retried as well", async () => {
  const { driver, calls } = flakyDriver({ ensureNetwork: 1 });
  const rec = await buildSlot(depsWith(driver), record(), stack);
  assert.equal(rec.stages.find((s) => s.name === "network")?.status, "done");
  assert.equal(calls.filter((c) => c === "ensureNetwork").length, 2);
});

test("the tries are bounded: a step that keeps failing fails the build after buildTries, saying so", async () => {
  const { driver, calls } = flakyDriver({ ensureInstances: 99 });
  await assert.rejects(buildSlot(depsWith(driver, 3), record(), stack), (err: unknown) => {
    assert.ok(err instanceof OrchestratorError);
    assert.equal(err.code, "failed");
    assert.match(err.message, /cannot start a stopped process.*after 3 tries/s);
    return true;
  });
  assert.equal(calls.filter((c) => c === "ensureInstances").length, 3);
});

test("an instance that exited while starting is recreated and tried again", async () => {
  const { driver, calls } = flakyDriver({}, "exited");
  await assert.rejects(buildSlot(depsWith(driver, 2), record(), stack), /db is exited.*after 2 tries/s);
  assert.equal(calls.filter((c) => c === "ensureInstances").length, 2);
});

test("a destroy asked during the build is not retried", async () => {
  const { driver, calls } = flakyDriver({ ensureInstances: 1 });
  const deps = depsWith(driver);
  const original = driver.ensureInstances.bind(driver);
  driver.ensureInstances = (spec) => {
    deps.cancelled.add("env-1");
    return original(spec);
  };
  await assert.rejects(buildSlot(deps, record(), stack));
  assert.equal(calls.filter((c) => c === "ensureInstances").length, 1);
});

test("an instance that runs but never turns healthy is the stack's fault: no retry", async () => {
  const { driver, calls } = flakyDriver({});
  driver.instances = () => Promise.resolve([{ name: "db", state: "running", health: null, address: null }]);
  driver.exec = () => Promise.resolve({ exitCode: 1, stdout: "", stderr: "" });
  const sick = { instances: [{ name: "db", healthcheck: ["CMD", "false"] }] } as unknown as StackManifest;
  await assert.rejects(buildSlot(depsWith(driver, 3), record(), sick), /db is not healthy/);
  assert.equal(calls.filter((c) => c === "ensureInstances").length, 1);
});
