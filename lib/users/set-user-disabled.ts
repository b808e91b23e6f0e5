import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { notifyRevocation } from "../sessions/notify-revocation";
import { ensureNotLastAdmin } from "./ensure-not-last-admin";
import { defaultDeps, type Deps } from "../core/deps";

export const SetUserDisabledSchema = z.object({ userId: z.string().min(1), disabled: z.boolean() });

/** Disabling ends every session of the person in the same transaction. */
export async function setUserDisabled(
  actor: Actor,
  input: z.infer<typeof SetUserDisabledSchema>,
  deps: Deps = defaultDeps(),
) {
  const { db } = deps;
  const now = deps.now();
  assertAllowed(actor, "admin");
  const { userId, disabled } = input;
  const result = await db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!user) throw new AppError("NOT_FOUND", "No such person.");
      if (!disabled)
        return tx.user.update({
          where: { id: userId },
          data: { disabledAt: null },
          select: { id: true, disabledAt: true },
        });
      await ensureNotLastAdmin(tx, userId, "disable this account");
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
      return tx.user.update({
        where: { id: userId },
        data: { disabledAt: now },
        select: { id: true, disabledAt: true },
      });
    },
    { isolationLevel: "Serializable" },
  );
  // Every token the person holds, whichever session it came through.
  if (disabled) await notifyRevocation({ users: [userId] });
  return result;
}
