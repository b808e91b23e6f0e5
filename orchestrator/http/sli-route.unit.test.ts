/**
 * GET /sli end to end across the contract: the route answers every
 * environment's current sample from the orchestrator, and the web app's client
 * validates and returns it (a wrong shape is refused, not passed on).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SliSample } from "../../lib/contracts/orchestrator-api";
import { orchestrator, type OrchestratorConfig } from "../../lib/orchestrator-client/client";
import type { Orchestrator } from "../service";
import { compile, match } from "./router";
import { environmentRoutes } from "./routes/environments";

const sample = (rate: number | null): SliSample => ({
  at: "2025-01-01T00:00:00.000Z",
  successRate: rate,
  p50Ms: 10,
  p95Ms: 40,
  requests: 20,
  failures: rate === null ? 0 : Math.round(20 * (1 - rate)),
  lastError: null,
});

/** A fetch that serves the compiled routes in memory, the way server.ts would. */
function serve(orch: Partial<Orchestrator>): OrchestratorConfig {
  const routes = compile(environmentRoutes(orch as Orchestrator));
  return {
    url: "http://orchestrator.test",
    secret: "s".repeat(32),
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const found = match(routes, init?.method ?? "GET", url.pathname);
      if (!found || found === "method") return new Response("{}", { status: 404 });
      const [status, body] = (await found.route.handler({
        req: {} as never,
        res: {} as never,
        params: found.params,
        url,
      }))!;
      return new Response(JSON.stringify(body), { status });
    },
  };
}

test("GET /sli answers every environment's current sample and the client returns them", async () => {
  const samples = { "env-a": sample(0.5), "env-b": sample(null) };
  const config = serve({ sliSamples: () => samples });
  const got = await orchestrator.sliSamples(config);
  assert.deepEqual(got.samples, samples);
});

test("the client refuses a /sli answer that breaks the contract", async () => {
  const config = serve({ sliSamples: () => ({ "env-a": { ...sample(2) } }) });
  await assert.rejects(orchestrator.sliSamples(config), (e: Error) => /unexpected shape/.test(e.message));
});

test("GET /environments lists the orchestrator's views through the client", async () => {
  const config = serve({ list: () => Promise.resolve([]) });
  assert.deepEqual(await orchestrator.listEnvironments(config), { environments: [] });
});
