"use server";

import { revalidatePath } from "next/cache";
import { guardAction } from "@/server/auth/guard";
import { AppError } from "@/lib/errors";
import { type FormState, formValues } from "@/lib/forms/form-state";
import { runForm } from "@/server/forms/run-form";
import { CreateTeamSchema, createTeam } from "@/lib/teams/create-team";
import { SetTeamLeadSchema, setTeamLead } from "@/lib/teams/set-team-lead";
import { SetUserTeamSchema, setUserTeam } from "@/lib/users/set-user-team";

export async function createTeamAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("createTeamAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const team = await createTeam(actor, CreateTeamSchema.parse(values));
    revalidatePath("/admin", "layout");
    return { message: `Team “${team.name}” created.` };
  });
}

export async function setTeamLeadAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("setTeamLeadAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = SetTeamLeadSchema.parse(values);
    await setTeamLead(actor, input);
    revalidatePath("/admin", "layout");
    return { message: input.leadId ? "Lead saved." : "Lead removed." };
  });
}

export async function addTeamMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("addTeamMemberAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = SetUserTeamSchema.parse(values);
    if (!input.teamId) throw new AppError("INVALID_INPUT", "Choose a team.", { teamId: "Choose a team" });
    await setUserTeam(actor, input);
    revalidatePath("/admin", "layout");
    return { message: "Added to the team." };
  });
}

export async function removeTeamMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("removeTeamMemberAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = SetUserTeamSchema.parse({ userId: values.userId, teamId: "" });
    await setUserTeam(actor, input);
    revalidatePath("/admin", "layout");
    return { message: "Removed from the team." };
  });
}
