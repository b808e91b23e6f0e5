"use client";
/**
 * The two ways out of a save conflict that could not merge: keep what this tab
 * has (saved over the other save) or load the latest (dropping this tab's edits).
 */
import { type RefObject, useCallback } from "react";
import { api } from "../api";
import { dropBackup } from "./local-backup";

/** Autosave's own record of the document: the server's version and content, what is typed, and whether it is unsaved. */
export interface DocRefs<T> {
  versionRef: RefObject<number>;
  syncedRef: RefObject<T>;
  latestRef: RefObject<T>;
  dirtyRef: RefObject<boolean>;
}

export function useConflictChoices<T>({
  url,
  storageKey,
  refs,
  save,
  show,
}: {
  url: string;
  storageKey: string;
  refs: DocRefs<T>;
  save: () => Promise<boolean>;
  /** Shows `value` in the form as saved. */
  show: (value: T) => void;
}) {
  const { versionRef, syncedRef, latestRef, dirtyRef } = refs;

  /** After a conflict: keep what this tab has, over the other save. */
  const keepMine = useCallback(async () => {
    const r = await api<{ version: number; content: T }>(url);
    if (r.ok) {
      versionRef.current = r.data.version;
      syncedRef.current = r.data.content;
    }
    dirtyRef.current = true;
    await save();
  }, [url, save, versionRef, syncedRef, dirtyRef]);

  /** After a conflict: take the other save, dropping this tab's edits. */
  const loadLatest = useCallback(async () => {
    const r = await api<{ version: number; content: T }>(url);
    if (!r.ok) return;
    versionRef.current = r.data.version;
    syncedRef.current = r.data.content;
    latestRef.current = r.data.content;
    dirtyRef.current = false;
    show(r.data.content);
    dropBackup(storageKey);
  }, [url, storageKey, show, versionRef, syncedRef, latestRef, dirtyRef]);

  return { keepMine, loadLatest };
}
