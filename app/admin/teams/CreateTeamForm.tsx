"use client";

import { useActionState } from "react";
import { Field, type Option, SelectField } from "@/components/Field";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import { IDLE } from "@/lib/forms/form-state";
import { createTeamAction } from "./actions";

export function CreateTeamForm({ leads }: { leads: readonly Option[] }) {
  const [state, action] = useActionState(createTeamAction, IDLE);
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="create-team-message">
      <Field
        label="Team name"
        name="name"
        required
        autoComplete="off"
        defaultValue={state.values.name ?? ""}
        error={state.fields?.name}
      />
      <SelectField
        key={`leadId-${state.seq ?? 0}`}
        label="Lead"
        name="leadId"
        options={leads}
        defaultValue={state.values.leadId ?? ""}
        error={state.fields?.leadId}
        hint="Only people with the Lead or Admin role can lead a team."
      />
      <FormMessage id="create-team-message" status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
    </form>
  );
}
