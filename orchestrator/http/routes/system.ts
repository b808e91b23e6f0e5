/** /health, /settings, /levels, /images. */
import type { Orchestrator } from "../../service";
import type { Route } from "../router";

export function systemRoutes(orch: Orchestrator): Route[] {
  return [
    { method: "GET", path: "/health", handler: async () => [200, await orch.health()] },
    { method: "GET", path: "/settings", handler: async () => [200, await orch.settings()] },
    { method: "GET", path: "/levels", handler: () => Promise.resolve([200, orch.levels()]) },
    { method: "GET", path: "/images", handler: async () => [200, { images: await orch.images() }] },
  ];
}
