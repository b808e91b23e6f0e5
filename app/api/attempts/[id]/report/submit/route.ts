import { guardedRoute } from "@/lib/auth/guard";
import { json } from "@/lib/http/respond";
import { submitReport } from "@/lib/reports/submit-report";
import { idParam } from "../../../_lib/request";

export const dynamic = "force-dynamic";

export const POST = guardedRoute("/api/attempts/[id]/report/submit", async ({ ctx, actor }) => {
  await submitReport(actor, await idParam(ctx));
  return json({ ok: true });
});
