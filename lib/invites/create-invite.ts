import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { AppError } from "../errors";
import { EmailSchema, OptionalIdSchema, RoleSchema } from "../users/schemas";
import { INVITE_DAYS, newInviteToken } from "./invite-token";
import { defaultDeps, type Deps } from "../core/deps";

export const CreateInviteSchema = z.object({ email: EmailSchema, role: RoleSchema, teamId: OptionalIdSchema });

/** Returns the token once; the caller builds the link and shows it to the admin. */
export async function createInvite(
  actor: Actor,
  input: z.infer<typeof CreateInviteSchema>,
  deps: Deps = defaultDeps(),
) {
  const { db } = deps;
  const now = deps.now();
  assertAllowed(actor, "admin");
  const { email, role, teamId } = input;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "Someone already has that email.", { email: "Already has an account" });
  }
  if (teamId && !(await db.team.findUnique({ where: { id: teamId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "That team no longer exists.", { teamId: "Choose another team" });
  }
  const { token, tokenHash } = newInviteToken();
  const invite = await db.invite.create({
    data: {
      email,
      role,
      teamId,
      tokenHash,
      invitedById: actor.id,
      expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000),
    },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return { invite, token };
}
