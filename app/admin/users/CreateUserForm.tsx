"use client";

import { useActionState } from "react";
import { Field, type Option } from "@/components/Field";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { IDLE } from "@/lib/forms/form-state";
import { RoleAndTeamFields } from "./RoleAndTeamFields";
import { createUserAction } from "./actions";

export function CreateUserForm({ roles, teams }: { roles: readonly Option[]; teams: readonly Option[] }) {
  const [state, action] = useActionState(createUserAction, IDLE);
  const v = state.values;
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="create-user-message">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          autoComplete="off"
          required
          defaultValue={v.name ?? ""}
          error={state.fields?.name}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={v.email ?? ""}
          error={state.fields?.email}
        />
        <RoleAndTeamFields state={state} roles={roles} teams={teams} />
      </div>
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={state.fields?.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Share it with them privately.`}
      />
      <FormMessage id="create-user-message" status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Creating…">Create account</SubmitButton>
    </form>
  );
}
