import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { getReport } from "@/lib/reports/get-report";
import { SaveReportSchema, saveReport } from "@/lib/reports/save-report";
import { idParam, readJson } from "../../_lib/request";

export const dynamic = "force-dynamic";

export const GET = guardedRoute("/api/attempts/[id]/report", async ({ ctx, actor }) =>
  json(await getReport(actor, await idParam(ctx))),
);

/**
 * Autosave: `{ baseVersion, base, content }` (or the older `{ version, content }`). A save from an older
 * version is merged onto the newer one and answers `{ version, content, merged: true }`; without `base`, 409.
 */
export const PUT = guardedRoute("/api/attempts/[id]/report", async ({ req, ctx, actor }) =>
  json(await saveReport(actor, await idParam(ctx), await readJson(req, SaveReportSchema))),
);
