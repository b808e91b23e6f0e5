"use client";
/**
 * Scheduling a game day: title, team, level (or a random one) and the start,
 * in the facilitator's own time zone (sent along as an offset). Starts now
 * unless changed; everything typed is kept when the server refuses it.
 */
import { useActionState, useEffect, useRef } from "react";
import { Field, type Option, SelectField } from "@/components/Field";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import { IDLE } from "@/lib/forms/form-state";
import { scheduleGameDayAction } from "./actions";

function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The start field: "now" in the browser's zone once mounted (the server cannot know that zone). */
function StartField({ kept, error }: { kept: string | undefined; error: string | undefined }) {
  const input = useRef<HTMLInputElement>(null);
  const offset = useRef<HTMLInputElement>(null);
  const syncOffset = () => {
    const when = input.current?.value ? new Date(input.current.value) : new Date();
    if (offset.current) offset.current.value = String(when.getTimezoneOffset());
  };
  useEffect(() => {
    if (input.current && !input.current.value) input.current.value = localInputValue(new Date());
    syncOffset();
  }, []);
  return (
    <>
      <Field
        ref={input}
        label="Starts at"
        name="scheduledAt"
        type="datetime-local"
        required
        defaultValue={kept ?? ""}
        error={error}
        hint="Your local time. It starts on its own then, or press Start now in the list."
        onChange={syncOffset}
        data-testid="game-day-start"
      />
      <input ref={offset} type="hidden" name="tzOffset" defaultValue="0" />
    </>
  );
}

export function ScheduleGameDayForm({ teams, levels }: { teams: readonly Option[]; levels: readonly Option[] }) {
  const [state, action] = useActionState(scheduleGameDayAction, IDLE);
  const seq = state.seq ?? 0;
  return (
    <form
      action={action}
      noValidate
      className="space-y-4"
      aria-describedby="schedule-game-day-message"
      data-testid="schedule-game-day"
    >
      <Field
        label="Title"
        name="title"
        required
        autoComplete="off"
        placeholder="e.g. Thursday drill"
        defaultValue={state.values.title ?? ""}
        error={state.fields?.title}
      />
      <SelectField
        key={`teamId-${seq}`}
        label="Team"
        name="teamId"
        options={[{ value: "", label: "Choose a team…" }, ...teams]}
        defaultValue={state.values.teamId ?? ""}
        error={state.fields?.teamId}
      />
      <SelectField
        key={`levelId-${seq}`}
        label="Level"
        name="levelId"
        options={[{ value: "", label: "A random level (dealt at the start)" }, ...levels]}
        defaultValue={state.values.levelId ?? ""}
        error={state.fields?.levelId}
      />
      <StartField key={`start-${seq}`} kept={state.values.scheduledAt} error={state.fields?.scheduledAt} />
      <FormMessage id="schedule-game-day-message" status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Scheduling…">Schedule game day</SubmitButton>
    </form>
  );
}
