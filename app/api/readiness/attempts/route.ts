import { guardedRoute } from "@/server/auth/guard";
import { attemptsCsv } from "@/lib/readiness/readiness-csv";
import { csvResponse } from "../_lib/csv-response";

export const dynamic = "force-dynamic";

/** The attempts behind the readiness table, one row per person and attempt, as CSV. */
export const GET = guardedRoute("/api/readiness/attempts", async ({ req, actor }) =>
  csvResponse(req, actor, "attempts", attemptsCsv),
);
