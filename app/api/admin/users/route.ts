import { guardedRoute } from "@/server/auth/guard";
import { json } from "@/server/http/respond";
import { listUsers } from "@/lib/users/list-users";

export const GET = guardedRoute("/api/admin/users", async ({ actor }) => json({ users: await listUsers(actor) }));
