"use client";

import { useActionState } from "react";
import { type FormState, IDLE } from "@/lib/forms/form-state";
import { type ButtonVariant } from "./Button";
import { SubmitButton } from "./SubmitButton";

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

/** One button that runs a server action with fixed fields, e.g. "Revoke" on a table row. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  confirm,
  ariaLabel,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** Ask before doing something that cannot be undone. */
  confirm?: string;
  ariaLabel?: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      className="inline-flex items-center gap-2"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} size="sm" pendingLabel={pendingLabel} aria-label={ariaLabel}>
        {label}
      </SubmitButton>
      <span
        role="status"
        aria-live="polite"
        className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-green-700"}
      >
        {state.message}
      </span>
    </form>
  );
}
