"use client";
/** The postmortem's timeline (UTC), drafted from the attempt: a time and a line per entry, editable. */
import { FIELD_LOOK, fieldBorder } from "@/components/forms/field-styles";
import { type ListEditorProps, RowEditor } from "@/components/forms/RowEditor";
import type { PostmortemContent } from "@/lib/postmortems/postmortem-schema";
import { ListSection } from "./ListSection";

type Entry = PostmortemContent["timeline"][number];

/** An ISO time as the field shows it ("2026-12-01 00:17:23", UTC); text that is not a time stays as typed. */
function toLocalInput(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().slice(0, 19).replace("T", " ");
}
function fromLocalInput(text: string): string {
  const t = Date.parse(text.includes("T") ? text : `${text.replace(" ", "T")}Z`);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}

export function TimelineEditor({ rows, onChange, editable, err }: ListEditorProps<Entry>) {
  return (
    <ListSection
      name="timeline"
      legend="Timeline (UTC)"
      help="Drafted from what you did and what the system recorded. Edit freely: add context, remove noise."
      error={err("timeline")}
    >
      <RowEditor
        rows={rows}
        onChange={onChange}
        editable={editable}
        newRow={() => ({ at: rows.at(-1)?.at ?? new Date().toISOString(), text: "" })}
        addLabel="Add entry"
        removeLabel={(i) => `Remove entry ${i + 1}`}
        listClassName="space-y-1.5"
        rowClassName="flex items-start gap-2"
        renderRow={(e, i, update) => (
          <>
            <input
              aria-label={`Time of entry ${i + 1}`}
              data-collab-field="timeline.at"
              className={`${FIELD_LOOK} w-44 shrink-0 font-mono text-xs ${fieldBorder(err(`timeline.${i}.at`))}`}
              value={toLocalInput(e.at)}
              disabled={!editable}
              onChange={(ev) => update({ at: fromLocalInput(ev.target.value) })}
            />
            <input
              aria-label={`Entry ${i + 1}`}
              data-collab-field="timeline.text"
              className={`${FIELD_LOOK} min-w-0 flex-1 ${fieldBorder()}`}
              value={e.text}
              disabled={!editable}
              onChange={(ev) => update({ text: ev.target.value })}
            />
          </>
        )}
      />
    </ListSection>
  );
}
