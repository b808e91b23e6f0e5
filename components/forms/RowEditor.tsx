"use client";
/**
 * One editable list, for every form that has one (the report's hypotheses and
 * status updates, the postmortem's timeline and action items): each row's
 * fields, a ✕ to remove it, and a button to add one. The caller draws a row's
 * fields; `update` patches that row and hands the whole list to `onChange`.
 */
import type { ReactNode } from "react";
import { Button } from "@/components/Button";
import { RemoveRowButton } from "./RemoveRowButton";

/** What a form hands one of its list editors: the rows, where changes go, whether they may be edited, errors by path. */
export interface ListEditorProps<T> {
  rows: T[];
  onChange: (rows: T[]) => void;
  editable: boolean;
  /** The error for a path (`timeline`, `timeline.3.at`), if any. */
  err: (path: string) => string | undefined;
}

export interface RowEditorProps<T> {
  rows: readonly T[];
  onChange: (rows: T[]) => void;
  /** Off: the rows are shown read-only, without ✕ and without the add button. */
  editable: boolean;
  /** The row the add button appends (called at the click, so it can read the clock or the last row). */
  newRow: () => T;
  addLabel: string;
  /** The ✕'s accessible name for row `i` (0-based); without it rows cannot be removed. */
  removeLabel?: (i: number) => string;
  renderRow: (row: T, i: number, update: (patch: Partial<T>) => void) => ReactNode;
  /** `ol` when order matters (a timeline), `ul` when it does not. */
  list?: "ol" | "ul";
  listClassName?: string;
  rowClassName?: string;
  addClassName?: string;
}

export function RowEditor<T>({
  rows,
  onChange,
  editable,
  newRow,
  addLabel,
  removeLabel,
  renderRow,
  list: List = "ol",
  listClassName = "space-y-2",
  rowClassName = "flex gap-2",
  addClassName,
}: RowEditorProps<T>) {
  const update = (i: number) => (patch: Partial<T>) => onChange(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <>
      <List className={listClassName}>
        {rows.map((row, i) => (
          <li key={i} className={rowClassName}>
            {renderRow(row, i, update(i))}
            {editable && removeLabel && (
              <RemoveRowButton label={removeLabel(i)} onRemove={() => onChange(rows.filter((_, j) => j !== i))} />
            )}
          </li>
        ))}
      </List>
      {editable && (
        <Button variant="secondary" size="sm" className={addClassName} onClick={() => onChange([...rows, newRow()])}>
          {addLabel}
        </Button>
      )}
    </>
  );
}
