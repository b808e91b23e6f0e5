import { z } from "zod";
import { startAttempt } from "@/lib/attempts/start-attempt";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { readJson } from "./_lib/request";

export const dynamic = "force-dynamic";

const StartSchema = z
  .object({
    levelId: z.string().min(1).max(64).optional(),
    assignmentId: z.string().min(1).max(64).optional(),
    mode: z.enum(["TRAINING", "CERTIFICATION"]).optional(),
  })
  .strict();

/** Start a level: named, from an assignment, or dealt at random when neither is given; training or certification. */
export const POST = guardedRoute("/api/attempts", async ({ req, actor }) => {
  const input = await readJson(req, StartSchema);
  return json(await startAttempt(actor, input), 201);
});
