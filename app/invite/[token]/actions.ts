"use server";

import { redirect } from "next/navigation";
import { guardAction } from "@/server/auth/guard";
import { type FormState, formValues } from "@/lib/forms/form-state";
import { runForm } from "@/server/forms/run-form";
import { AcceptInviteSchema, acceptInvite } from "@/lib/invites/accept-invite";

/** Public: the token in the form is the credential. On success, on to sign-in with the email filled in. */
export async function acceptInviteAction(_prev: FormState, form: FormData): Promise<FormState> {
  await guardAction("acceptInviteAction");
  const values = formValues(form, ["password", "confirm", "token"]);
  let email = "";
  const state = await runForm(values, async () => {
    const input = AcceptInviteSchema.parse({
      ...values,
      token: form.get("token"),
      password: form.get("password"),
      confirm: form.get("confirm"),
    });
    email = (await acceptInvite(input)).email;
    return { message: "Account created." };
  });
  if (state.status === "ok") redirect(`/signin?welcome=1&email=${encodeURIComponent(email)}`);
  return state;
}
