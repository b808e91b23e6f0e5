"use client";
/** The postmortem's action items: a kind, an owner and what will be done, each row editable. */
import { fieldClass } from "@/components/forms/field-styles";
import { type ListEditorProps, RowEditor } from "@/components/forms/RowEditor";
import { ACTION_KINDS, type PostmortemContent } from "@/lib/postmortems/postmortem-schema";
import { ListSection } from "./ListSection";

type Item = PostmortemContent["actionItems"][number];

const TEXT_FIELDS = [
  { field: "owner", label: (i: number) => `Owner of action ${i + 1}`, placeholder: "Owner" },
  { field: "description", label: (i: number) => `Action ${i + 1}`, placeholder: "What will be done" },
] as const;

export function ActionItemsEditor({ rows, onChange, editable, err }: ListEditorProps<Item>) {
  return (
    <ListSection
      name="actionItems"
      legend="Action items"
      help="Concrete, owned, and aimed at the system: prevent, mitigate, detect, or improve the process."
      error={err("actionItems")}
    >
      <RowEditor
        rows={rows}
        onChange={onChange}
        editable={editable}
        newRow={() => ({ owner: "", kind: "prevent" as const, description: "" })}
        addLabel="Add action item"
        removeLabel={(i) => `Remove action ${i + 1}`}
        rowClassName="grid gap-2 rounded-md border border-slate-200 bg-white p-2 sm:grid-cols-[9rem_12rem_1fr_auto]"
        renderRow={(a, i, update) => (
          <>
            <select
              aria-label={`Kind of action ${i + 1}`}
              className={fieldClass()}
              value={a.kind}
              disabled={!editable}
              onChange={(e) => update({ kind: e.target.value as Item["kind"] })}
            >
              {ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            {TEXT_FIELDS.map((f) => (
              <ItemField
                key={f.field}
                label={f.label(i)}
                field={f.field}
                placeholder={f.placeholder}
                value={a[f.field]}
                error={err(`actionItems.${i}.${f.field}`)}
                disabled={!editable}
                onChange={(v) => update({ [f.field]: v })}
              />
            ))}
          </>
        )}
      />
    </ListSection>
  );
}

function ItemField(props: {
  label: string;
  field: "owner" | "description";
  placeholder: string;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <div>
      <input
        aria-label={props.label}
        data-collab-field={`actionItems.${props.field}`}
        placeholder={props.placeholder}
        className={fieldClass({ invalid: props.error })}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error && <p className="mt-0.5 text-xs text-red-700">{props.error}</p>}
    </div>
  );
}
