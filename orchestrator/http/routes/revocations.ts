/** POST /revocations: the web app revoked sessions or people; their tokens stop working and what is open on them ends. */
import { RevocationRequestSchema } from "../../../lib/contracts/orchestrator-api";
import type { Orchestrator } from "../../service";
import { readJson } from "../io";
import type { Route } from "../router";

export function revocationRoutes(orch: Orchestrator): Route[] {
  return [
    {
      method: "POST",
      path: "/revocations",
      handler: async ({ req }) => [200, { ended: orch.access.revoke(await readJson(req, RevocationRequestSchema)) }],
    },
  ];
}
