import { guardedRoute } from "@/server/auth/guard";
import { HOME } from "@/lib/auth/permissions";
import { json } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const GET = guardedRoute("/api/me", ({ actor }) =>
  Promise.resolve(
    json({
      id: actor.id,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      teamId: actor.teamId,
      home: HOME[actor.role],
    }),
  ),
);
