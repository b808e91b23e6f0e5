/**
 * The assign form's boundary: who (people and/or a team), what (a level, any
 * level of a category, or a random one not yet passed), the mode, the due day
 * and a note. Messages are per field so the form can show them in place.
 */
import { z } from "zod";
import { endOfDay } from "./assignment-status";

const id = z.string().trim().min(1).max(64);

export const AssignSchema = z.object({
  userIds: z.array(id).max(500, "Choose at most 500 people at once.").default([]),
  teamId: id.nullable().default(null),
  pick: z.enum(["LEVEL", "CATEGORY", "RANDOM"], { error: "Choose what to play." }),
  levelId: id.nullable().default(null),
  category: z.string().trim().min(1).max(64).nullable().default(null),
  playMode: z.enum(["TRAINING", "CERTIFICATION"]).default("TRAINING"),
  dueAt: z.date().nullable().default(null),
  note: z.string().trim().max(1000, "Keep the note under 1000 characters.").default(""),
});
export type AssignInput = z.input<typeof AssignSchema>;

/** The form's fields: `userIds` (repeated), `teamId`, `what` ("level:<id>", "category:<name>" or "random"), `due` (YYYY-MM-DD), `note`, `certification`. */
export function parseAssignForm(form: { get(k: string): unknown; getAll(k: string): unknown[] }): AssignInput {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.trim() : "";
  };
  const what = text("what");
  const [kind, ...rest] = what.split(":");
  const value = rest.join(":");
  const due = text("due");
  const dueAt = due ? endOfDay(due) : null;
  if (due && !dueAt)
    throw new z.ZodError([{ code: "custom", path: ["due"], message: "Choose a valid due date.", input: due }]);
  return {
    userIds: form.getAll("userIds").filter((v): v is string => typeof v === "string" && v.length > 0),
    teamId: text("teamId") || null,
    pick:
      kind === "level" ? "LEVEL" : kind === "category" ? "CATEGORY" : kind === "random" ? "RANDOM" : ("" as "LEVEL"),
    levelId: kind === "level" ? value || null : null,
    category: kind === "category" ? value || null : null,
    playMode: text("certification") ? "CERTIFICATION" : "TRAINING",
    dueAt,
    note: text("note"),
  };
}
