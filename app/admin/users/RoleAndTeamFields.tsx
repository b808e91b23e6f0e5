"use client";

import { type Option, SelectField } from "@/components/Field";
import type { FormState } from "@/lib/forms/form-state";

/** The role and team pickers shared by "create a user" and "invite a user"; they keep what was chosen after an error. */
export function RoleAndTeamFields({
  state,
  roles,
  teams,
}: {
  state: Pick<FormState, "values" | "fields" | "seq">;
  roles: readonly Option[];
  teams: readonly Option[];
}) {
  return (
    <>
      <SelectField
        key={`role-${state.seq ?? 0}`}
        label="Role"
        name="role"
        options={roles}
        defaultValue={state.values.role ?? "PLAYER"}
        error={state.fields?.role}
      />
      <SelectField
        key={`teamId-${state.seq ?? 0}`}
        label="Team"
        name="teamId"
        options={teams}
        defaultValue={state.values.teamId ?? ""}
        error={state.fields?.teamId}
      />
    </>
  );
}
