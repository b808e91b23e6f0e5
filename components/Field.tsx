import { type ComponentProps, type ReactNode, useId } from "react";
import { cx } from "./cx";
import { fieldClass } from "./forms/field-styles";

interface FieldChrome {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

function Chrome({ id, label, error, hint, children }: FieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its error (or hint) wired up for screen readers. */
export function Field({ label, error, hint, id, className, ...input }: FieldChrome & ComponentProps<"input">) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <Chrome id={fieldId} label={label} error={error} hint={hint}>
      <input
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
        className={fieldClass({ invalid: error, extra: className })}
        {...input}
      />
    </Chrome>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  error,
  hint,
  id,
  options,
  className,
  ...select
}: FieldChrome & ComponentProps<"select"> & { options: readonly Option[] }) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <Chrome id={fieldId} label={label} error={error} hint={hint}>
      <select
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
        className={fieldClass({ invalid: error, extra: cx("pr-8", className) })}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Chrome>
  );
}
