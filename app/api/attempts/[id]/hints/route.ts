import { takeHint } from "@/lib/attempts/take-hint";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** Take the next hint (it costs points). */
export const POST = guardedRoute("/api/attempts/[id]/hints", async ({ ctx, actor }) =>
  json(await takeHint(actor, await idParam(ctx))),
);
