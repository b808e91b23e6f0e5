import { type Prisma } from "@prisma/client";
import { AppError } from "../errors";

/**
 * Refuses a change that would leave no enabled admin. Run inside a Serializable
 * transaction so two admins demoting each other cannot both succeed.
 */
export async function ensureNotLastAdmin(tx: Prisma.TransactionClient, userId: string, what: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!user || user.role !== "ADMIN" || user.disabledAt) return;
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
  if (others === 0)
    throw new AppError("CONFLICT", `This is the last admin; make someone else an admin before you ${what}.`);
}
