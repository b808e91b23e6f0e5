import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { listChannel } from "@/lib/team-play/list-channel";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** The incident channel's history (chat, status updates, roles, injects, severity, checks, notes). */
export const GET = guardedRoute("/api/attempts/[id]/channel", async ({ ctx, actor }) =>
  json(await listChannel(actor, await idParam(ctx))),
);
