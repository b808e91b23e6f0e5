/**
 * A facilitator schedules a game day: a title, a team, a level (or null: one is
 * dealt at random when it starts) and a start time. Every problem is reported
 * against its field so the form can show it next to what was typed.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { defaultDeps, type Deps } from "../core/deps";
import { AppError } from "../errors";
import { publishLiveQuietly } from "../bus/publish";

/** A start this far in the past still counts as "now" (the form's default is the moment it was opened). */
const PAST_GRACE_MS = 15 * 60_000;
const MAX_AHEAD_MS = 366 * 24 * 60 * 60_000;

export const ScheduleGameDaySchema = z.object({
  title: z.string().trim().min(1, "Give the game day a title.").max(120, "Keep the title under 120 characters."),
  teamId: z.string().trim().min(1, "Choose a team."),
  /** Null or empty: a random level is dealt at the start. */
  levelId: z
    .string()
    .trim()
    .nullable()
    .transform((v) => v || null),
  scheduledAt: z.date({ error: "Choose a start time." }),
});
export type ScheduleGameDayInput = z.input<typeof ScheduleGameDaySchema>;

/**
 * The form's `datetime-local` value is the browser's wall-clock time; `tzOffset` is the browser's
 * `getTimezoneOffset()` (minutes behind UTC), so the server need not guess the facilitator's zone.
 */
export function parseScheduleForm(values: Record<string, string>): z.output<typeof ScheduleGameDaySchema> {
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(values.scheduledAt ?? "");
  const offset = Number(values.tzOffset ?? "0");
  let scheduledAt: Date | undefined;
  if (local && Number.isFinite(offset)) {
    const [, y, mo, d, h, mi] = local.map(Number) as [number, number, number, number, number, number];
    scheduledAt = new Date(Date.UTC(y, mo - 1, d, h, mi) + offset * 60_000);
  }
  return ScheduleGameDaySchema.parse({
    title: values.title ?? "",
    teamId: values.teamId ?? "",
    levelId: values.levelId ?? null,
    scheduledAt,
  });
}

export async function scheduleGameDay(
  actor: Actor,
  input: ScheduleGameDayInput,
  deps: Deps = defaultDeps(),
): Promise<{ gameDayId: string }> {
  assertAllowed(actor, "facilitate");
  const data = ScheduleGameDaySchema.parse(input);
  const fields: Record<string, string> = {};
  const team = await deps.db.team.findUnique({
    where: { id: data.teamId },
    select: { id: true, _count: { select: { members: { where: { disabledAt: null } } } } },
  });
  if (!team) fields.teamId = "There is no such team.";
  else if (team._count.members === 0) fields.teamId = "This team has no members yet.";
  if (data.levelId) {
    const level = await deps.db.level.findUnique({ where: { id: data.levelId }, select: { enabled: true } });
    if (!level?.enabled) fields.levelId = "This level cannot be played; choose another or a random one.";
  }
  const now = deps.now().getTime();
  if (Number.isNaN(data.scheduledAt.getTime())) fields.scheduledAt = "Choose a start time.";
  else if (data.scheduledAt.getTime() < now - PAST_GRACE_MS) fields.scheduledAt = "Choose a time from now on.";
  else if (data.scheduledAt.getTime() > now + MAX_AHEAD_MS) fields.scheduledAt = "Choose a time within a year.";
  if (Object.keys(fields).length > 0) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", fields);

  const gameDay = await deps.db.gameDay.create({
    data: {
      title: data.title,
      teamId: data.teamId,
      levelId: data.levelId,
      facilitatorId: actor.id,
      scheduledAt: data.scheduledAt,
    },
    select: { id: true, teamId: true },
  });
  await publishLiveQuietly(deps.db, { type: "game-day", gameDayId: gameDay.id, teamId: gameDay.teamId });
  return { gameDayId: gameDay.id };
}
