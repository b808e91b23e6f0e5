/** The web app's client for the pools: GET /pools and PUT /pools/demand, answers checked against PoolsViewSchema. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { PoolsView } from "../../lib/contracts/orchestrator-api";
import { AppError } from "../../lib/errors";
import { orchestrator, type OrchestratorConfig } from "../../lib/orchestrator-client/client";

const view: PoolsView = {
  budgetMb: 2048,
  usedMb: 320,
  lastClaimAt: "2026-03-05T11:58:00.000Z",
  levels: [
    {
      levelId: "disk-full",
      stack: "web",
      floor: 0,
      ceiling: 4,
      target: 2,
      ready: 1,
      filling: 1,
      reason: "random pick",
    },
  ],
};

function answering(body: unknown, seen: { method: string; path: string; body: unknown }[] = []): OrchestratorConfig {
  return {
    url: "http://orchestrator.test",
    secret: "s".repeat(32),
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      seen.push({
        method: init?.method ?? "GET",
        path: url.pathname,
        body: typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : null,
      });
      return Promise.resolve(Response.json(body));
    },
  };
}

test("getPools reads the view; putPoolDemand sends the forecast as JSON and reads the view back", async () => {
  const seen: { method: string; path: string; body: unknown }[] = [];
  assert.deepEqual(await orchestrator.getPools(answering(view, seen)), view);
  const demand = { levels: [{ levelId: "disk-full", want: 2, reason: "random pick", until: null }] };
  assert.deepEqual(await orchestrator.putPoolDemand(demand, answering(view, seen)), view);
  assert.deepEqual(seen, [
    { method: "GET", path: "/pools", body: null },
    { method: "PUT", path: "/pools/demand", body: demand },
  ]);
});

test("an answer that is not a PoolsView is UNAVAILABLE", async () => {
  await assert.rejects(
    orchestrator.getPools(answering({ budgetMb: "lots", levels: [] })),
    (err) => err instanceof AppError && err.code === "UNAVAILABLE",
  );
});
