import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { listTeams } from "@/lib/teams/list-teams";

export const GET = guardedRoute("/api/admin/teams", async ({ actor }) => json({ teams: await listTeams(actor) }));
