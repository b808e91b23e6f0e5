/** A CSV download of the readiness data the query string's filter picks. */
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { loadReadiness, type Readiness } from "@/lib/readiness/load-readiness";
import { parseFilter } from "@/lib/readiness/period";

export async function csvResponse(
  req: NextRequest,
  actor: Actor,
  name: string,
  render: (r: Readiness) => string,
): Promise<Response> {
  const filter = parseFilter(Object.fromEntries(req.nextUrl.searchParams));
  const readiness = await loadReadiness(actor, filter);
  const day = readiness.now.toISOString().slice(0, 10);
  return new Response(render(readiness), {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="firedrill-${name}-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
