"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardAction } from "@/server/auth/guard";
import { type FormState, formValues } from "@/lib/forms/form-state";
import { runForm } from "@/server/forms/run-form";
import { RevokeSessionSchema, revokeSession } from "@/lib/sessions/revoke-session";
import { RevokeUserSessionsSchema, revokeUserSessions } from "@/lib/sessions/revoke-user-sessions";
import { SetUserDisabledSchema, setUserDisabled } from "@/lib/users/set-user-disabled";
import { SetUserRoleSchema, setUserRole } from "@/lib/users/set-user-role";
import { SetUserTeamSchema, setUserTeam } from "@/lib/users/set-user-team";

function refresh(userId: string | undefined) {
  revalidatePath("/admin", "layout");
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

export async function setRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("setRoleAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = SetUserRoleSchema.parse(values);
    await setUserRole(actor, input);
    refresh(input.userId);
    return { message: "Role saved." };
  });
}

export async function setDisabledAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("setDisabledAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = SetUserDisabledSchema.parse({ userId: values.userId, disabled: values.disabled === "true" });
    await setUserDisabled(actor, input);
    refresh(input.userId);
    return { message: input.disabled ? "Account disabled; their sessions have ended." : "Account enabled." };
  });
}

export async function setTeamAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("setTeamAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = SetUserTeamSchema.parse(values);
    await setUserTeam(actor, input);
    refresh(input.userId);
    return { message: input.teamId ? "Team saved." : "Removed from their team." };
  });
}

export async function revokeSessionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("revokeSessionAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = RevokeSessionSchema.parse(values);
    await revokeSession(actor, input);
    refresh(z.string().optional().parse(values.userId));
    return { message: "Session revoked. That browser is signed out on its next request." };
  });
}

export async function revokeAllSessionsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("revokeAllSessionsAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = RevokeUserSessionsSchema.parse(values);
    const { revoked } = await revokeUserSessions(actor, input);
    refresh(input.userId);
    return { message: revoked === 1 ? "1 session revoked." : `${revoked} sessions revoked.` };
  });
}
