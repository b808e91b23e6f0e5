import { guardedRoute } from "@/server/auth/guard";
import { gradeAttempt } from "@/lib/grading/grade-attempt";
import { GradeInputSchema } from "@/lib/grading/grade-schema";
import { json } from "@/server/http/respond";
import { idParam, readJson } from "../../_lib/request";

export const dynamic = "force-dynamic";

/** A facilitator's grade: RETURNED for revision, or FINAL. */
export const POST = guardedRoute("/api/attempts/[id]/grade", async ({ req, ctx, actor }) =>
  json(await gradeAttempt(actor, await idParam(ctx), await readJson(req, GradeInputSchema))),
);
