"use server";

import { revalidatePath } from "next/cache";
import { guardAction } from "@/server/auth/guard";
import { env } from "@/lib/env";
import { type FormState, formValues } from "@/lib/forms/form-state";
import { runForm } from "@/server/forms/run-form";
import { CreateInviteSchema, createInvite } from "@/lib/invites/create-invite";
import { CreateUserSchema, createUser } from "@/lib/users/create-user";

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("createUserAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = CreateUserSchema.parse({ ...values, password: form.get("password") });
    const user = await createUser(actor, input);
    revalidatePath("/admin", "layout");
    return { message: `Created ${user.name} (${user.email}). Hand them their password.` };
  });
}

export async function inviteUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("inviteUserAction");
  const values = formValues(form);
  return runForm(values, async () => {
    const input = CreateInviteSchema.parse(values);
    const { invite, token } = await createInvite(actor, input);
    revalidatePath("/admin", "layout");
    return {
      message: `Invite for ${invite.email} created. Copy the link now — it is shown only once.`,
      // NEXTAUTH_URL is the public address (next-auth needs it to be right anyway).
      data: { link: `${env().NEXTAUTH_URL.replace(/\/$/, "")}/invite/${token}` },
    };
  });
}
