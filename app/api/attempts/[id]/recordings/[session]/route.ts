import { guardedRoute } from "@/server/auth/guard";
import { getAttemptRecording } from "@/lib/replay/get-attempt-recording";
import { idParam } from "../../../_lib/request";

export const dynamic = "force-dynamic";

/** One terminal recording as an asciicast v2 download (plays in asciinema); anyone who may read the attempt. */
export const GET = guardedRoute("/api/attempts/[id]/recordings/[session]", async ({ ctx, actor }) => {
  const session = (await ctx.params).session;
  const { body, bytes, fileName } = await getAttemptRecording(
    actor,
    await idParam(ctx),
    typeof session === "string" ? session : "",
  );
  // Streamed through as the orchestrator reads it from disk: never held whole in this process.
  return new Response(body, {
    headers: {
      ...(bytes === null ? {} : { "Content-Length": String(bytes) }),
      "Content-Type": "application/x-asciicast; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
