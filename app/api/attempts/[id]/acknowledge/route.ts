import { acknowledgeIncident } from "@/lib/attempts/acknowledge-incident";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** "I've seen it": stops the time-to-detect clock (once). */
export const POST = guardedRoute("/api/attempts/[id]/acknowledge", async ({ ctx, actor }) =>
  json(await acknowledgeIncident(actor, await idParam(ctx))),
);
