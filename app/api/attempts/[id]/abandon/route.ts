import { abandonAttempt } from "@/lib/attempts/abandon-attempt";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

export const POST = guardedRoute("/api/attempts/[id]/abandon", async ({ ctx, actor }) => {
  await abandonAttempt(actor, await idParam(ctx));
  return json({ ok: true });
});
