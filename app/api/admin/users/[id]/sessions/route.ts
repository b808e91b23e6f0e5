import { z } from "zod";
import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { listUserSessions } from "@/lib/sessions/list-user-sessions";

const Params = z.object({ id: z.string().min(1) });

export const GET = guardedRoute("/api/admin/users/[id]/sessions", async ({ actor, ctx }) => {
  const { id } = Params.parse(await ctx.params);
  return json({ sessions: await listUserSessions(actor, id) });
});
