/** One mock client per ready environment: started when it becomes ready, stopped when it goes. */
import type { SliSample, SliView } from "../../lib/contracts/orchestrator-api";
import type { Deps } from "../deps";
import type { EnvironmentRecord } from "../environments/record";
import { emptySample, MockClient } from "./mock-client";

export class MockClients {
  private readonly clients = new Map<string, MockClient>();

  constructor(private readonly deps: Deps) {}

  /** Start clients for ready environments, stop the others'. */
  sync(records: EnvironmentRecord[]): void {
    const ready = new Set(records.filter((r) => r.kind === "environment" && r.state === "ready").map((r) => r.id));
    for (const id of ready) if (!this.clients.has(id)) this.startFor(id);
    for (const id of [...this.clients.keys()]) if (!ready.has(id)) this.stop(id);
  }

  startFor(id: string): void {
    const rec = this.deps.envs.get(id);
    if (!rec || rec.state !== "ready" || this.clients.has(id)) return;
    let level;
    try {
      level = this.deps.levels.get(rec.levelId).manifest;
    } catch {
      return; // level gone from the catalogue: no traffic to judge against
    }
    const app = level.app;
    const client = new MockClient({
      requests: level.mockClient.requests,
      ratePerSecond: level.mockClient.ratePerSecond,
      params: rec.params,
      target: async () => {
        const cur = this.deps.envs.get(id);
        if (!cur) return null;
        const inst = (await this.deps.driver.instances(cur.slot)).find((i) => i.name === app.instance);
        return inst?.address ? { host: inst.address, port: app.port } : null;
      },
      onSample: (sample) => this.deps.bus.publish(id, { type: "sli", sample }),
    });
    this.clients.set(id, client);
    client.start();
  }

  stop(id: string): void {
    this.clients.get(id)?.stop();
    this.clients.delete(id);
  }

  stopAll(): void {
    for (const id of [...this.clients.keys()]) this.stop(id);
  }

  view(id: string): SliView {
    return this.clients.get(id)?.view() ?? { current: emptySample(), history: [] };
  }

  /** Each given environment's current sample (empty until its client has judged a request). */
  currentSamples(ids: readonly string[]): Record<string, SliSample> {
    const out: Record<string, SliSample> = {};
    for (const id of ids) out[id] = this.clients.get(id)?.view().current ?? emptySample();
    return out;
  }

  count(): number {
    return this.clients.size;
  }
}
