import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { listTeams } from "@/lib/teams/list-teams";

export const GET = guardedRoute("/api/admin/teams", async ({ actor }) => json({ teams: await listTeams(db, actor) }));
