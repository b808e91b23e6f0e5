"use server";

import { revalidatePath } from "next/cache";
import { guardAction } from "@/server/auth/guard";
import { AppError } from "@/lib/errors";
import { type FormState, formValues } from "@/lib/forms/form-state";
import { runForm } from "@/server/forms/run-form";
import { cancelGameDay } from "@/lib/game-days/cancel-game-day";
import { endGameDay } from "@/lib/game-days/end-game-day";
import { parseScheduleForm, scheduleGameDay } from "@/lib/game-days/schedule-game-day";
import { startGameDay } from "@/lib/game-days/start-game-day";

function gameDayId(values: Record<string, string>): string {
  const id = values.gameDayId ?? "";
  if (!id) throw new AppError("NOT_FOUND", "No such game day.");
  return id;
}

export async function scheduleGameDayAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("scheduleGameDayAction");
  const values = formValues(form);
  return runForm(values, async () => {
    await scheduleGameDay(actor, parseScheduleForm(values));
    revalidatePath("/facilitate/game-days");
    return { message: `Game day “${values.title?.trim()}” scheduled.` };
  });
}

export async function startGameDayAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("startGameDayAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const { attemptId } = await startGameDay(actor, gameDayId(values));
    revalidatePath("/facilitate/game-days");
    return { message: "Started.", data: { attemptId } };
  });
}

export async function cancelGameDayAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("cancelGameDayAction");
  const values = formValues(form);
  return runForm(values, async () => {
    await cancelGameDay(actor, gameDayId(values));
    revalidatePath("/facilitate/game-days");
    return { message: "Cancelled." };
  });
}

export async function endGameDayAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("endGameDayAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const { abandoned } = await endGameDay(actor, gameDayId(values));
    revalidatePath("/facilitate/game-days");
    return { message: abandoned ? "Ended; the open incident was closed." : "Ended." };
  });
}
