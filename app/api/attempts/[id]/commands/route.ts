import { RecordCommandsSchema, recordCommands } from "@/lib/attempts/record-commands";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam, readJson } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** Commands typed in the room's terminals, for the timeline. */
export const POST = guardedRoute("/api/attempts/[id]/commands", async ({ req, ctx, actor }) =>
  json(await recordCommands(actor, await idParam(ctx), await readJson(req, RecordCommandsSchema))),
);
