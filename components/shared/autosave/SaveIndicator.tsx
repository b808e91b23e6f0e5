"use client";
/**
 * Says where the writer's words are: saved, saving, kept locally, or in
 * conflict; and, quietly, when a teammate's edits were just merged in.
 */
import type { SaveStatus } from "./use-autosave";

/** The indicator for a document `useAutosave` keeps: its status, and its way out of a conflict. */
export function AutosaveIndicator({
  doc,
}: {
  doc: {
    status: SaveStatus;
    error: string | null;
    mergedFrom: string | null;
    keepMine: () => Promise<void>;
    loadLatest: () => Promise<void>;
  };
}) {
  return (
    <SaveIndicator
      status={doc.status}
      error={doc.error}
      mergedFrom={doc.mergedFrom}
      onKeepMine={() => void doc.keepMine()}
      onLoadLatest={() => void doc.loadLatest()}
    />
  );
}

export function SaveIndicator({
  status,
  error,
  onKeepMine,
  onLoadLatest,
  mergedFrom = null,
}: {
  status: SaveStatus;
  error: string | null;
  onKeepMine: () => void;
  onLoadLatest: () => void;
  /** Whose edits were just merged into the form (a name, or "a teammate"). */
  mergedFrom?: string | null;
}) {
  if (status === "readonly") return null;
  if (status === "conflict") {
    return (
      <div
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 no-print"
      >
        {error ?? "Saved elsewhere since you loaded it."}{" "}
        <button type="button" className="font-medium underline" onClick={onKeepMine}>
          Keep my version
        </button>{" "}
        ·{" "}
        <button type="button" className="font-medium underline" onClick={onLoadLatest}>
          Load the other version
        </button>
      </div>
    );
  }
  const text: Record<Exclude<SaveStatus, "conflict" | "readonly">, string> = {
    saved: "All changes saved",
    dirty: "Unsaved changes (kept in this browser)",
    saving: "Saving…",
    offline: "Offline: changes kept in this browser, retrying",
    error: error ?? "Could not save",
  };
  return (
    <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1 no-print">
      <span
        role="status"
        aria-live="polite"
        data-testid="save-status"
        data-status={status}
        className={`text-xs ${status === "error" ? "text-red-700" : "text-slate-500"}`}
      >
        {text[status]}
      </span>
      {mergedFrom && (
        <span aria-live="polite" data-testid="save-merged" className="text-xs text-blue-700">
          {`Updated with ${mergedFrom}'s edits`}
        </span>
      )}
    </span>
  );
}
