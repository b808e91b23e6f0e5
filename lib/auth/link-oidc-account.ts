/**
 * OIDC sign-in never creates people on its own: it links the external identity
 * to an existing user with the same (verified) email, or accepts a pending
 * non-admin invite for that email. Admins are only ever made by an admin.
 */
import { type PrismaClient } from "@prisma/client";

export type OidcLinkError = "NoAccount" | "AccountDisabled" | "EmailUnverified";

export async function linkOidcAccount(
  db: PrismaClient,
  input: {
    provider: string;
    providerAccountId: string;
    email?: string | null;
    emailVerified?: boolean | null;
    name?: string | null;
  },
  now = new Date(),
): Promise<{ userId: string } | { error: OidcLinkError }> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true, disabledAt: true } } },
  });
  if (linked) return linked.user.disabledAt ? { error: "AccountDisabled" } : { userId: linked.user.id };

  const email = input.email?.trim().toLowerCase();
  if (!email) return { error: "NoAccount" };
  if (input.emailVerified === false) return { error: "EmailUnverified" };
  const account = { provider: input.provider, providerAccountId: input.providerAccountId };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
  if (user) {
    if (user.disabledAt) return { error: "AccountDisabled" };
    await db.account.create({ data: { ...account, userId: user.id } });
    return { userId: user.id };
  }

  const invite = await db.invite.findFirst({
    where: { email, acceptedAt: null, expiresAt: { gt: now }, role: { not: "ADMIN" } },
    orderBy: { createdAt: "desc" },
  });
  if (!invite) return { error: "NoAccount" };
  const created = await db.$transaction(async (tx) => {
    const u = await tx.user.create({
      data: { email, name: input.name?.trim() || email, role: invite.role, teamId: invite.teamId, passwordHash: null },
    });
    await tx.invite.update({ where: { id: invite.id }, data: { acceptedAt: now } });
    await tx.account.create({ data: { ...account, userId: u.id } });
    return u;
  });
  return { userId: created.id };
}
