import { checkFix } from "@/lib/attempts/check-fix";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** Check my fix: runs the level's check in the environment. */
export const POST = guardedRoute("/api/attempts/[id]/check", async ({ ctx, actor }) =>
  json(await checkFix(actor, await idParam(ctx))),
);
