import { guardedRoute } from "@/server/auth/guard";
import { db } from "@/lib/db/client";
import { json } from "@/server/http/respond";
import { orchestrator } from "@/lib/orchestrator-client/client";

export const dynamic = "force-dynamic";

/**
 * Public readiness, for a service manager or a load balancer: 200 only when a
 * player can play (database answers, environment service answers); 503 names
 * what is missing. /api/health is liveness (this process and its database).
 */
export const GET = guardedRoute("/api/ready", async () => {
  const [database, environments] = await Promise.all([
    db.$queryRaw`SELECT 1`.then(
      () => "up" as const,
      () => "down" as const,
    ),
    orchestrator.health().then(
      () => "up" as const,
      () => "down" as const,
    ),
  ]);
  const ready = database === "up" && environments === "up";
  return json({ ready, database, environments }, ready ? 200 : 503);
});
