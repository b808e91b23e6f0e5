import { listCode, readCodeFile } from "@/lib/attempts/read-code";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { idParam } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** The service's source, read-only: `?file=/path` reads one file, otherwise the list. */
export const GET = guardedRoute("/api/attempts/[id]/code", async ({ req, ctx, actor }) => {
  const id = await idParam(ctx);
  const file = req.nextUrl.searchParams.get("file");
  return json(file ? await readCodeFile(actor, id, file) : await listCode(actor, id));
});
