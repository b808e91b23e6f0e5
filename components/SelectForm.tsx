"use client";

import { useActionState } from "react";
import { type FormState, IDLE } from "@/lib/forms/form-state";
import { type FormAction } from "./ActionButton";
import { type Option, SelectField } from "./Field";
import { FormMessage } from "./FormMessage";
import { SubmitButton } from "./SubmitButton";

/** A one-choice form (role, team, lead): hidden ids, a labelled select, a save button, its outcome. */
export function SelectForm({
  action,
  fields,
  name,
  label,
  options,
  defaultValue,
  submitLabel = "Save",
}: {
  action: FormAction;
  fields: Record<string, string>;
  name: string;
  label: string;
  options: readonly Option[];
  defaultValue: string;
  submitLabel?: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="space-y-3">
      {Object.entries(fields).map(([n, v]) => (
        <input key={n} type="hidden" name={n} value={v} />
      ))}
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <SelectField
            key={`${name}-${state.seq ?? 0}`}
            label={label}
            name={name}
            options={options}
            defaultValue={state.status === "error" ? (state.values[name] ?? defaultValue) : defaultValue}
            aria-invalid={state.fields?.[name] ? true : undefined}
          />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          {submitLabel}
        </SubmitButton>
      </div>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
