import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { getPostmortem } from "@/lib/postmortems/get-postmortem";
import { SavePostmortemSchema, savePostmortem } from "@/lib/postmortems/save-postmortem";
import { idParam, readJson } from "../../_lib/request";

export const dynamic = "force-dynamic";

export const GET = guardedRoute("/api/attempts/[id]/postmortem", async ({ ctx, actor }) =>
  json(await getPostmortem(actor, await idParam(ctx))),
);

/** Autosave, merged like the report's: see ../report/route.ts. */
export const PUT = guardedRoute("/api/attempts/[id]/postmortem", async ({ req, ctx, actor }) =>
  json(await savePostmortem(actor, await idParam(ctx), await readJson(req, SavePostmortemSchema))),
);
