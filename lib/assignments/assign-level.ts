/**
 * A facilitator, lead or admin assigns a level (or any level of a category, or
 * a random one not yet passed) to people and/or a team, with a due day and a
 * note. One Assignment per person, so each completes on its own; a team's keep
 * the team for filtering. A lead may assign only within the teams they lead;
 * people outside the actor's scope are reported as not found.
 */
import type { Actor } from "../auth/actor";
import { defaultDeps, type Deps } from "../core/deps";
import { AppError } from "../errors";
import { AssignSchema, type AssignInput } from "./assign-schema";
import { assignScope, CAN_PLAY } from "./assignment-scope";

const MAX_AHEAD_MS = 366 * 24 * 60 * 60_000;

export async function assignLevel(
  actor: Actor,
  input: AssignInput,
  deps: Deps = defaultDeps(),
): Promise<{ assignmentIds: string[] }> {
  const scope = await assignScope(deps.db, actor);
  const data = AssignSchema.parse(input);
  const fields: Record<string, string> = {};

  const wanted = [...new Set(data.userIds)];
  const people = wanted.length
    ? await deps.db.user.findMany({
        where: { id: { in: wanted }, ...CAN_PLAY, ...scope.people },
        select: { id: true, teamId: true },
      })
    : [];
  if (people.length !== wanted.length) fields.userIds = "Some of the people chosen cannot be assigned by you.";
  let members: { id: string; teamId: string | null }[] = [];
  if (data.teamId) {
    const inScope = scope.teamIds === null || scope.teamIds.includes(data.teamId);
    const team = inScope ? await deps.db.team.findUnique({ where: { id: data.teamId }, select: { id: true } }) : null;
    if (!team) fields.teamId = "There is no such team.";
    else {
      members = await deps.db.user.findMany({
        where: { teamId: team.id, ...CAN_PLAY },
        select: { id: true, teamId: true },
      });
      if (members.length === 0) fields.teamId = "This team has nobody who plays yet.";
    }
  }
  if (wanted.length === 0 && !data.teamId) fields.userIds = "Choose at least one person or a team.";

  if (data.pick === "LEVEL") {
    const level = data.levelId
      ? await deps.db.level.findUnique({ where: { id: data.levelId }, select: { enabled: true } })
      : null;
    if (!level?.enabled) fields.what = "Choose a level that can be played.";
  } else if (data.pick === "CATEGORY") {
    const any = data.category ? await deps.db.level.count({ where: { category: data.category, enabled: true } }) : 0;
    if (any === 0) fields.what = "Choose a category that has a playable level.";
  }
  const now = deps.now().getTime();
  if (data.dueAt && data.dueAt.getTime() < now) fields.due = "Choose a due date from today on.";
  else if (data.dueAt && data.dueAt.getTime() > now + MAX_AHEAD_MS) fields.due = "Choose a due date within a year.";
  if (Object.keys(fields).length > 0) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", fields);

  // A person chosen both by name and through the team gets one assignment, kept under the team.
  const teamMembers = new Set(members.map((m) => m.id));
  const targets = [
    ...members.map((m) => ({ assigneeId: m.id, teamId: data.teamId })),
    ...people.filter((p) => !teamMembers.has(p.id)).map((p) => ({ assigneeId: p.id, teamId: p.teamId })),
  ];
  const created = await deps.db.$transaction(
    targets.map((t) =>
      deps.db.assignment.create({
        data: {
          ...t,
          pick: data.pick,
          levelId: data.pick === "LEVEL" ? data.levelId : null,
          category: data.pick === "CATEGORY" ? data.category : null,
          playMode: data.playMode,
          assignedById: actor.id,
          note: data.note,
          dueAt: data.dueAt,
        },
        select: { id: true },
      }),
    ),
  );
  return { assignmentIds: created.map((c) => c.id) };
}
