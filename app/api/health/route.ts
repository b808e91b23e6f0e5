import { guardedRoute } from "@/server/auth/guard";
import { db } from "@/lib/db/client";
import { json } from "@/server/http/respond";

export const dynamic = "force-dynamic";

/** Public liveness and database check, for start scripts and load balancers. */
export const GET = guardedRoute("/api/health", async () => {
  try {
    await db.$queryRaw`SELECT 1`;
    return json({ ok: true, database: "up" });
  } catch {
    return json({ ok: false, database: "down" }, 503);
  }
});
