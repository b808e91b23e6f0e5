import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { listAttemptRecordings } from "@/lib/replay/list-attempt-recordings";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** The attempt's terminal recordings (metadata); anyone who may read the attempt. */
export const GET = guardedRoute("/api/attempts/[id]/recordings", async ({ ctx, actor }) =>
  json({ recordings: await listAttemptRecordings(actor, await idParam(ctx)) }),
);
