/** One mock client per ready environment: started when it becomes ready, stopped when it goes. */
import type { SliSample, SliView } from "../../lib/contracts/orchestrator-api";
import { expandTemplate } from "../../lib/levels/params";
import type { Deps } from "../deps";
import { CHECK_DATABASE } from "../environments/observe";
import { PinnedSql } from "../environments/pinned-sql";
import type { EnvironmentRecord } from "../state/environment-record";
import { emptySample, MockClient, type Address } from "./mock-client";

interface Running {
  client: MockClient;
  sql: PinnedSql;
}

/** One query at a time on the environment's single connection (pg's client must not be asked concurrently). */
function serialised<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let chain: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = chain.then(() => fn(...args));
    chain = run.catch(() => undefined);
    return run;
  };
}

export class MockClients {
  private readonly clients = new Map<string, Running>();

  constructor(private readonly deps: Deps) {}

  /** Start clients for ready environments, stop the others'. */
  sync(records: EnvironmentRecord[]): void {
    const ready = new Set(records.filter((r) => r.kind === "environment" && r.state === "ready").map((r) => r.id));
    for (const id of ready) if (!this.clients.has(id)) this.startFor(id);
    for (const id of [...this.clients.keys()]) if (!ready.has(id)) this.stop(id);
  }

  /** An instance's address in the environment now (null when it has none). */
  private async address(id: string, instance: string, port: number): Promise<Address | null> {
    const cur = this.deps.envs.get(id);
    if (!cur) return null;
    const inst = (await this.deps.driver.instances(cur.slot)).find((i) => i.name === instance);
    return inst?.address ? { host: inst.address, port } : null;
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
    const { app, mockClient } = level;
    // The judge asks the shop's database what is true, as a check does: pinned SQL as the check role.
    const sql = new PinnedSql(async () => {
      const db = await this.address(id, CHECK_DATABASE.instance, CHECK_DATABASE.port);
      if (!db) throw new Error(`${CHECK_DATABASE.instance} has no address`);
      return { ...db, database: CHECK_DATABASE.database, user: CHECK_DATABASE.user, password: CHECK_DATABASE.password };
    });
    const client = new MockClient({
      requests: mockClient.requests,
      ratePerSecond: mockClient.ratePerSecond,
      params: rec.params,
      target: () => this.address(id, app.instance, app.port),
      backend: () => this.address(id, mockClient.backend.instance, mockClient.backend.port),
      sql: serialised((text, values) => sql.query(text, values)),
      onSample: (sample) => this.deps.bus.publish(id, { type: "sli", sample }),
      crossOrigin: mockClient.crossOrigin && {
        pages: expandTemplate(mockClient.crossOrigin.pages, rec.params),
        api: expandTemplate(mockClient.crossOrigin.api, rec.params),
        credentials: mockClient.crossOrigin.credentials,
      },
    });
    this.clients.set(id, { client, sql });
    client.start();
  }

  stop(id: string): void {
    const running = this.clients.get(id);
    running?.client.stop();
    void running?.sql.close();
    this.clients.delete(id);
  }

  stopAll(): void {
    for (const id of [...this.clients.keys()]) this.stop(id);
  }

  view(id: string): SliView {
    return this.clients.get(id)?.client.view() ?? { current: emptySample(), history: [] };
  }

  /** Each given environment's current sample (empty until its client has judged a request). */
  currentSamples(ids: readonly string[]): Record<string, SliSample> {
    const out: Record<string, SliSample> = {};
    for (const id of ids) out[id] = this.clients.get(id)?.client.view().current ?? emptySample();
    return out;
  }

  count(): number {
    return this.clients.size;
  }
}
