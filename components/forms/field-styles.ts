/**
 * The look of every text field, select and text area the game's forms draw
 * themselves (the report, the postmortem, grading, injects, coaching, the
 * channel, and `Field`): one place, so they cannot drift apart.
 */
import { cx } from "@/components/cx";

/** Box, type and focus ring, without a width (a row sizes its fields itself) or a border colour. */
export const FIELD_LOOK =
  "block rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 " +
  "focus-visible:border-ember-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ember-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-700";

/** The border: red when the field holds an error. */
export function fieldBorder(invalid?: unknown): string {
  return invalid ? "border-red-400" : "border-slate-300";
}

/** A field as wide as its container (or as `extra` says), its border red when `invalid`. */
export function fieldClass(opts: { invalid?: unknown; width?: string; extra?: string | undefined } = {}): string {
  return cx(FIELD_LOOK, opts.width ?? "w-full", fieldBorder(opts.invalid), opts.extra);
}
