import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { defaultDeps, type Deps } from "../core/deps";

/** One person with their team, for the admin's person page. */
export async function getUser(actor: Actor, userId: string, deps: Deps = defaultDeps()) {
  const { db } = deps;
  assertAllowed(actor, "admin");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      passwordHash: true,
      team: { select: { id: true, name: true } },
      accounts: { select: { provider: true, createdAt: true } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "No such person.");
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}
