/** One written section of the postmortem: its label, help, text area and error. */
import { fieldClass } from "@/components/forms/field-styles";
import { sectionId, type TextSectionSpec } from "./postmortem-sections";

export function TextSection({
  s,
  value,
  error,
  disabled,
  onChange,
}: {
  s: TextSectionSpec;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  const id = sectionId(s.key);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-baseline gap-2 text-sm font-semibold text-slate-900">
        {s.label}
        {s.optional && <span className="text-xs font-normal text-slate-500">optional</span>}
      </label>
      {s.help && <p className="text-sm text-slate-500">{s.help}</p>}
      <textarea
        id={id}
        name={s.key}
        rows={s.rows}
        className={fieldClass({ invalid: error })}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
