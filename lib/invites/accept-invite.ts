import { z } from "zod";
import { hashPassword } from "../auth/password";
import { AppError } from "../errors";
import { NameSchema, PasswordSchema } from "../users/schemas";
import { hashInviteToken } from "./invite-token";
import { defaultDeps, type Deps } from "../core/deps";

export const AcceptInviteSchema = z
  .object({ token: z.string().min(1), name: NameSchema, password: PasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords differ" });

/**
 * Public (the token is the credential): creates the account and marks the
 * invite used in one transaction, so a token works exactly once.
 */
export async function acceptInvite(input: z.infer<typeof AcceptInviteSchema>, deps: Deps = defaultDeps()) {
  const { db } = deps;
  const now = deps.now();
  const { token, name, password } = input;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashInviteToken(token) } });
    if (!invite) throw new AppError("NOT_FOUND", "This invite link is not valid.");
    if (invite.expiresAt <= now) throw new AppError("CONFLICT", "This invite has expired; ask an admin for a new one.");
    // Claim it first: a concurrent accept finds acceptedAt set and stops.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "This invite was already used. Sign in instead.");
    if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "An account with this email exists already. Sign in instead.");
    }
    return tx.user.create({
      data: { email: invite.email, name, passwordHash, role: invite.role, teamId: invite.teamId },
      select: { id: true, email: true, role: true },
    });
  });
}
