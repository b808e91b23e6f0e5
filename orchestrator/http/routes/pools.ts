/** GET /pools (the pre-broken pools' state) and PUT /pools/demand (the web's forecast, replacing the last). */
import { PoolDemandSchema } from "../../../lib/contracts/orchestrator-api";
import type { Orchestrator } from "../../service";
import { readJson } from "../io";
import type { Route } from "../router";

export function poolRoutes(orch: Orchestrator): Route[] {
  return [
    { method: "GET", path: "/pools", handler: () => Promise.resolve([200, orch.pools()]) },
    {
      method: "PUT",
      path: "/pools/demand",
      handler: async ({ req }) => [200, orch.setPoolDemand(await readJson(req, PoolDemandSchema))],
    },
  ];
}
