/**
 * The room's long poll (await-change.ts): a provisioning environment's view is answered at its next
 * change, or after the wait, and at once when it is not provisioning or changed before the wait began.
 * Deps are the real store and event bus; the driver is a fake that lists no instances.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Deps } from "../deps";
import type { EnvironmentDriver } from "../driver/types";
import { InMemoryEventBus } from "../events/event-bus";
import { JsonDirStore } from "../state/json-dir-store";
import { EnvironmentRecordSchema, type EnvironmentRecord } from "../state/environment-record";
import { sampleRecord } from "../tests/support/sample-record";
import { awaitChange, MAX_WAIT_MS } from "./await-change";
import { save } from "./environment-view";

function deps(): Deps {
  const envs = new JsonDirStore(join(mkdtempSync(join(tmpdir(), "fd-wait-")), "envs"), EnvironmentRecordSchema);
  envs.load();
  const driver = { instances: () => Promise.resolve([]) } as unknown as EnvironmentDriver;
  return { envs, driver, bus: new InMemoryEventBus(), now: () => new Date() } as unknown as Deps;
}

async function provisioning(d: Deps): Promise<EnvironmentRecord> {
  const now = new Date(Date.now() - 1000).toISOString();
  return save(d, sampleRecord({ id: "env-w", slot: "env-w", createdAt: now, lastActivityAt: now, updatedAt: now }));
}

const since = (t0: number) => performance.now() - t0;

test("a provisioning environment is answered at its next change, not at the end of the wait", async () => {
  const d = deps();
  const rec = await provisioning(d);
  const t0 = performance.now();
  setTimeout(() => void save(d, { ...rec, state: "ready", readyAt: new Date().toISOString() }), 150);
  const view = await awaitChange(d, rec, 4000);
  assert.equal(view.state, "ready");
  assert.ok(since(t0) >= 140 && since(t0) < 1500, `answered after ${since(t0)} ms`);
});

test("nothing changing: answered after the wait, capped", async () => {
  const d = deps();
  const rec = await provisioning(d);
  const t0 = performance.now();
  const view = await awaitChange(d, rec, 300);
  assert.equal(view.state, "provisioning");
  assert.ok(since(t0) >= 290, `answered after ${since(t0)} ms`);
  assert.equal(MAX_WAIT_MS, 5000);
});

test("answered at once: not provisioning, no wait asked, or changed before the wait began", async () => {
  const d = deps();
  const rec = await provisioning(d);
  const ready = await save(d, { ...rec, state: "ready" });
  for (const [r, wait] of [
    [ready, 4000],
    [rec, 0],
    [rec, 4000], // the store holds a newer record than the caller read: it changed meanwhile
  ] as const) {
    const t0 = performance.now();
    await awaitChange(d, r, wait);
    assert.ok(since(t0) < 200, `answered after ${since(t0)} ms`);
  }
});
