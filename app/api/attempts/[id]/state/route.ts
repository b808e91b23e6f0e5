import { refreshAttempt } from "@/lib/attempts/refresh-attempt";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** What the incident room polls: provisioning progress, status, SLI folded into the record. */
export const GET = guardedRoute("/api/attempts/[id]/state", async ({ req, ctx, actor }) =>
  json(
    await refreshAttempt(actor, await idParam(ctx), undefined, {
      history: req.nextUrl.searchParams.get("history") === "1",
    }),
  ),
);
