import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { submitReport } from "@/lib/reports/submit-report";
import { idParam } from "../../../_lib/request";

export const dynamic = "force-dynamic";

export const POST = guardedRoute("/api/attempts/[id]/report/submit", async ({ ctx, actor }) => {
  await submitReport(actor, await idParam(ctx));
  return json({ ok: true });
});
