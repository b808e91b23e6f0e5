import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { SavePostmortemSchema } from "@/lib/postmortems/save-postmortem";
import { submitPostmortem } from "@/lib/postmortems/submit-postmortem";
import { idParam, readJson } from "../../../_lib/request";

export const dynamic = "force-dynamic";

/** Saves what was typed, then submits; 400 names every missing section (the draft stays saved). */
export const POST = guardedRoute("/api/attempts/[id]/postmortem/submit", async ({ req, ctx, actor }) =>
  json(await submitPostmortem(actor, await idParam(ctx), await readJson(req, SavePostmortemSchema))),
);
