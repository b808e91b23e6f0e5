/**
 * A member takes a role in the team's incident. There is one incident
 * commander at a time: claiming command hands it over, and the previous
 * commander goes back to being a responder. Each change is a ROLE event.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { AppError } from "../errors";
import { publishLive } from "../bus/publish";
import { recordEvent } from "../timeline/record-event";
import { authorizeLiveRoom } from "./authorize-live-room";
import { INCIDENT_ROLES } from "./channel";

export const ClaimRoleSchema = z
  .object({ attemptId: z.string().min(1).max(64), role: z.enum(INCIDENT_ROLES) })
  .strict();
export type ClaimRoleInput = z.infer<typeof ClaimRoleSchema>;

export async function claimRole(
  actor: Actor,
  input: ClaimRoleInput,
  deps: Deps = defaultDeps(),
): Promise<{ role: string; demoted: string[] }> {
  const { attemptId, role } = ClaimRoleSchema.parse(input);
  await authorizeLiveRoom(deps.db, actor, attemptId, {
    notTeam: "Roles are taken in team game days.",
    closed: "The incident is over: roles can no longer change.",
  });
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    // Serialise role changes per attempt, so two people claiming command at once cannot both hold it.
    await tx.$executeRaw`SELECT 1 FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
    const members = await tx.attemptMember.findMany({
      where: { attemptId },
      include: { user: { select: { name: true } } },
    });
    const me = members.find((m) => m.userId === actor.id);
    if (!me) throw new AppError("FORBIDDEN", "Only the attempt's players can do that.");
    if (me.role === role) return { role, demoted: [] };
    const demoted = role === "COMMANDER" ? members.filter((m) => m.role === "COMMANDER") : [];
    for (const m of demoted) {
      await tx.attemptMember.update({
        where: { attemptId_userId: { attemptId, userId: m.userId } },
        data: { role: "PLAYER" },
      });
      await recordEvent(tx, {
        attemptId,
        kind: "ROLE",
        data: { userId: m.userId, role: "PLAYER", previous: "COMMANDER", name: m.user.name },
        actorId: actor.id,
        at: now,
      });
    }
    await tx.attemptMember.update({ where: { attemptId_userId: { attemptId, userId: actor.id } }, data: { role } });
    await recordEvent(tx, {
      attemptId,
      kind: "ROLE",
      data: { userId: actor.id, role, previous: me.role, name: me.user.name },
      actorId: actor.id,
      at: now,
    });
    await publishLive(tx, { type: "attempt-changed", attemptId });
    return { role, demoted: demoted.map((m) => m.userId) };
  });
}
