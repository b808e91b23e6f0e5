import { retryProvisioning } from "@/lib/attempts/retry-provisioning";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

export const POST = guardedRoute("/api/attempts/[id]/retry", async ({ ctx, actor }) => {
  await retryProvisioning(actor, await idParam(ctx));
  return json({ ok: true });
});
