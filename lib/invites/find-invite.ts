import { hashInviteToken } from "./invite-token";
import { defaultDeps, type Deps } from "../core/deps";

export type InviteLookup =
  { state: "valid"; email: string; role: string; teamName: string | null } | { state: "used" | "expired" | "unknown" };

/** Public: what the invite page shows for a token. Reveals the email only to the token's holder. */
export async function findInvite(token: string, deps: Deps = defaultDeps()): Promise<InviteLookup> {
  const { db } = deps;
  const now = deps.now();
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { email: true, role: true, acceptedAt: true, expiresAt: true, team: { select: { name: true } } },
  });
  if (!invite) return { state: "unknown" };
  if (invite.acceptedAt) return { state: "used" };
  if (invite.expiresAt <= now) return { state: "expired" };
  return { state: "valid", email: invite.email, role: invite.role, teamName: invite.team?.name ?? null };
}
