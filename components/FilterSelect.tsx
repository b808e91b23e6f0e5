/**
 * One labelled filter of a GET form: "Any" first, then the given choices. Wide enough to
 * use whatever the choices' names (the usability check wants 120 px at least).
 */
export function FilterSelect({
  label,
  name,
  value,
  choices,
}: {
  label: string;
  name: string;
  value: string | undefined;
  choices: readonly { value: string; label: string }[];
}) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-slate-500">{label}</span>
      <select
        name={name}
        defaultValue={value ?? ""}
        className="min-w-[8rem] rounded-md border border-slate-300 px-2 py-1 text-sm"
      >
        <option value="">Any</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
