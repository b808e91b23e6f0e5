"use client";

import { useActionState } from "react";
import { Field } from "@/components/Field";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { IDLE } from "@/lib/forms/form-state";
import { acceptInviteAction } from "./actions";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(acceptInviteAction, IDLE);
  return (
    <form action={action} noValidate className="mt-6 space-y-4" aria-describedby="accept-message">
      <input type="hidden" name="token" value={token} />
      <Field label="Email" name="email-shown" value={email} readOnly disabled autoComplete="username" />
      <Field
        label="Your name"
        name="name"
        required
        autoComplete="name"
        defaultValue={state.values.name ?? ""}
        error={state.fields?.name}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        autoComplete="new-password"
        error={state.fields?.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      />
      <Field
        label="Repeat password"
        name="confirm"
        type="password"
        required
        autoComplete="new-password"
        error={state.fields?.confirm}
      />
      <FormMessage id="accept-message" status={state.status} message={state.message} />
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        Create my account
      </SubmitButton>
    </form>
  );
}
