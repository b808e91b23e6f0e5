import { issueAccessToken } from "@/lib/attempts/issue-access-token";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** A short-lived orchestrator token: rw for the attempt's players, ro for facilitators. */
export const POST = guardedRoute("/api/attempts/[id]/token", async ({ ctx, actor }) =>
  json(await issueAccessToken(actor, await idParam(ctx))),
);
