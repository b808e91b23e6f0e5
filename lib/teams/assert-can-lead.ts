import { type PrismaClient } from "@prisma/client";
import { AppError } from "../errors";

/** A team's lead must be an enabled Lead (or Admin), so they can open /lead. */
export async function assertCanLead(db: PrismaClient, userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such person.", { leadId: "Choose someone else" });
  if (user.disabledAt)
    throw new AppError("INVALID_INPUT", "That account is disabled.", { leadId: "Choose someone else" });
  if (user.role !== "LEAD" && user.role !== "ADMIN") {
    throw new AppError("INVALID_INPUT", "A team lead needs the Lead role; change their role first.", {
      leadId: "Not a Lead",
    });
  }
}
