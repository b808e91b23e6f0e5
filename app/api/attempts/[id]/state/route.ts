import { refreshAttempt } from "@/lib/attempts/refresh-attempt";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** `?wait=1` while provisioning: the answer comes at the environment's next change, or after this long. */
const WAIT_MS = 3000;

/** What the incident room polls: provisioning progress (`?wait=1`: at its next change), status, SLI folded into the record. */
export const GET = guardedRoute("/api/attempts/[id]/state", async ({ req, ctx, actor }) =>
  json(
    await refreshAttempt(actor, await idParam(ctx), undefined, {
      history: req.nextUrl.searchParams.get("history") === "1",
      waitMs: req.nextUrl.searchParams.get("wait") === "1" ? WAIT_MS : 0,
    }),
  ),
);
