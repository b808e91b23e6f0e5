import { guardedRoute } from "@/server/auth/guard";
import { coverageCsv } from "@/lib/readiness/readiness-csv";
import { csvResponse } from "../_lib/csv-response";

export const dynamic = "force-dynamic";

/** The readiness table (people × categories, on-call status) as CSV. */
export const GET = guardedRoute("/api/readiness/coverage", async ({ req, actor }) =>
  csvResponse(req, actor, "readiness", coverageCsv),
);
