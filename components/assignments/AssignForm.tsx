"use client";
/**
 * Assigning: people (ticked) and/or a team, what to play (a level, any level of a
 * category, or a random one not yet passed), certification mode, a due day and a
 * note. Everything typed is kept when the server refuses it.
 */
import { useActionState, useId } from "react";
import { Field, SelectField } from "@/components/Field";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import type { AssignOptions } from "@/lib/assignments/list-assign-options";
import { type FormState, IDLE } from "@/lib/forms/form-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function AssignForm({
  action,
  options,
  preset = {},
  defaultDue,
}: {
  action: Action;
  options: AssignOptions;
  preset?: { userIds?: string[]; teamId?: string };
  /** YYYY-MM-DD, a week ahead (computed by the server so both renders agree). */
  defaultDue: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const seq = state.seq ?? 0;
  const kept = state.status === "error" ? state.values : null;
  const ticked = new Set(kept ? (kept.userIds ?? "").split(",").filter(Boolean) : (preset.userIds ?? []));
  const peopleId = useId();
  const noteId = useId();
  const peopleError = state.fields?.userIds;
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-4"
      aria-describedby="assign-message"
      data-testid="assign-form"
    >
      <fieldset
        key={`people-${seq}`}
        className="space-y-1.5"
        aria-describedby={peopleError ? `${peopleId}-error` : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">People</legend>
        {options.people.length === 0 ? (
          <p className="text-sm text-slate-500">Nobody you can assign to yet.</p>
        ) : (
          <div
            className={`max-h-48 space-y-1 overflow-y-auto rounded-md border p-2 ${peopleError ? "border-red-400" : "border-slate-300"}`}
            data-testid="assign-people"
          >
            {options.people.map((p) => (
              <label key={p.id} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
                <input type="checkbox" name="userIds" value={p.id} defaultChecked={ticked.has(p.id)} />
                <span className="text-slate-900">{p.name}</span>
                {p.team && <span className="text-xs text-slate-500">{p.team}</span>}
              </label>
            ))}
          </div>
        )}
        {peopleError && (
          <p id={`${peopleId}-error`} className="text-sm text-red-700">
            {peopleError}
          </p>
        )}
      </fieldset>
      <SelectField
        key={`team-${seq}`}
        label="Or a whole team"
        name="teamId"
        options={[
          { value: "", label: "No team" },
          ...options.teams.map((t) => ({ value: t.id, label: `${t.name} (${t.players} playing)` })),
        ]}
        defaultValue={kept?.teamId ?? preset.teamId ?? ""}
        error={state.fields?.teamId}
        hint="Everyone in it gets their own assignment."
      />
      <SelectField
        key={`what-${seq}`}
        label="What to play"
        name="what"
        options={[
          { value: "random", label: "A random level not yet passed" },
          ...options.categories.map((c) => ({ value: `category:${c}`, label: `Any level in ${c}` })),
          ...options.levels.map((l) => ({
            value: `level:${l.id}`,
            label: `${l.title} — ${l.category}, ${l.difficulty}`,
          })),
        ]}
        defaultValue={kept?.what ?? "random"}
        error={state.fields?.what ?? state.fields?.pick}
      />
      <label className="flex items-start gap-2 text-sm" key={`cert-${seq}`}>
        <input
          type="checkbox"
          name="certification"
          value="on"
          className="mt-0.5"
          defaultChecked={Boolean(kept?.certification)}
        />
        <span>
          <span className="font-medium text-slate-800">Certification attempt</span>
          <span className="block text-slate-500">No hints, no step-by-step objectives, a variant not trained on.</span>
        </span>
      </label>
      <Field
        key={`due-${seq}`}
        label="Due"
        name="due"
        type="date"
        defaultValue={kept?.due ?? defaultDue}
        error={state.fields?.due}
        hint="Due by the end of that day (UTC). Leave empty for no due date."
      />
      <div className="space-y-1.5">
        <label htmlFor={noteId} className="block text-sm font-medium text-slate-800">
          Note
        </label>
        <textarea
          key={`note-${seq}`}
          id={noteId}
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={kept?.note ?? ""}
          placeholder="e.g. Before your first on-call week"
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-ember-600"
        />
        {state.fields?.note && <p className="text-sm text-red-700">{state.fields.note}</p>}
      </div>
      <FormMessage id="assign-message" status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Assigning…">Assign</SubmitButton>
    </form>
  );
}
