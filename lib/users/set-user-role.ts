import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { ensureNotLastAdmin } from "./ensure-not-last-admin";
import { RoleSchema } from "./schemas";
import { defaultDeps, type Deps } from "../core/deps";

export const SetUserRoleSchema = z.object({ userId: z.string().min(1), role: RoleSchema });

export async function setUserRole(actor: Actor, input: z.infer<typeof SetUserRoleSchema>, deps: Deps = defaultDeps()) {
  const { db } = deps;
  assertAllowed(actor, "admin");
  const { userId, role } = input;
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
      if (!user) throw new AppError("NOT_FOUND", "No such person.");
      if (user.role === "ADMIN" && role !== "ADMIN") await ensureNotLastAdmin(tx, userId, "change this role");
      return tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
    },
    { isolationLevel: "Serializable" },
  );
}
