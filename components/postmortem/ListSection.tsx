/** A postmortem list's frame: its legend, what belongs in it, and its error (a refused submit scrolls to its id). */
import type { ReactNode } from "react";
import { sectionId } from "./postmortem-sections";

export function ListSection({
  name,
  legend,
  help,
  error,
  children,
}: {
  name: "timeline" | "actionItems";
  legend: string;
  help: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset id={sectionId(name)} className="space-y-2">
      <legend className="text-sm font-semibold text-slate-900">{legend}</legend>
      <p className="text-sm text-slate-500">{help}</p>
      {error && <p className="text-sm text-red-700">{error}</p>}
      {children}
    </fieldset>
  );
}
