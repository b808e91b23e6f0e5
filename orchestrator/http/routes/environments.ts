/** /environments: thin handlers, one use-case each. */
import { CreateEnvironmentRequestSchema, ExecRequestSchema } from "../../../lib/contracts/orchestrator-api";
import { OrchestratorError } from "../../errors";
import type { Orchestrator } from "../../service";
import { readJson } from "../io";
import type { Route } from "../router";

function waitParam(url: URL): number {
  const raw = url.searchParams.get("waitMs");
  if (raw === null) return 0;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0)
    throw new OrchestratorError("bad_request", "waitMs must be a whole number of ms");
  return ms;
}

export function environmentRoutes(orch: Orchestrator): Route[] {
  return [
    {
      method: "POST",
      path: "/environments",
      handler: async ({ req }) => [
        202,
        await orch.provisionInBackground(await readJson(req, CreateEnvironmentRequestSchema)),
      ],
    },
    { method: "GET", path: "/environments", handler: async () => [200, { environments: await orch.list() }] },
    { method: "GET", path: "/sli", handler: () => Promise.resolve([200, { samples: orch.sliSamples() }]) },
    {
      method: "GET",
      path: "/environments/:id",
      // ?waitMs=N: while provisioning, answered at the environment's next change or after N ms (at most 5 s).
      handler: async ({ params, url }) => [200, await orch.get(params.id as string, waitParam(url))],
    },
    {
      method: "DELETE",
      path: "/environments/:id",
      handler: async ({ params }) => [202, await orch.destroyInBackground(params.id as string)],
    },
    {
      method: "POST",
      path: "/environments/:id/instances/:name/restart",
      handler: async ({ params }) => [200, await orch.restartInstance(params.id as string, params.name as string)],
    },
    {
      method: "POST",
      path: "/environments/:id/check",
      handler: async ({ params }) => [200, await orch.check(params.id as string)],
    },
    {
      method: "POST",
      path: "/environments/:id/exec",
      handler: async ({ req, params }) => {
        const body = await readJson(req, ExecRequestSchema);
        return [
          200,
          await orch.exec(params.id as string, body.instance, body.script, {
            user: body.user,
            timeoutMs: body.timeoutMs,
          }),
        ];
      },
    },
    {
      method: "GET",
      path: "/environments/:id/sli",
      handler: ({ params }) => Promise.resolve([200, orch.sli(params.id as string)]),
    },
    {
      method: "GET",
      path: "/environments/:id/stats",
      handler: async ({ params }) => [200, { instances: await orch.stats(params.id as string) }],
    },
    {
      method: "GET",
      path: "/environments/:id/logs/:instance",
      handler: async ({ params, url }) => {
        const tail = Number(url.searchParams.get("tail") ?? 200);
        return [
          200,
          {
            lines: await orch.logs(params.id as string, params.instance as string, Number.isFinite(tail) ? tail : 200),
          },
        ];
      },
    },
  ];
}
