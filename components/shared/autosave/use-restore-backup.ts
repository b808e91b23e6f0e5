"use client";
/**
 * On mount, brings back a local copy the server does not have yet (see
 * local-backup): `restore` gets its content; a copy not worth keeping (or
 * unreadable) is removed.
 */
import { useEffect } from "react";
import { contentToRestore, type Backup } from "./local-backup";

export function useRestoreBackup<T>(opts: {
  storageKey: string;
  editable: boolean;
  /** The server's copy this page was rendered with. */
  initial: { content: T; version: number; updatedAt: string | null };
  merge: ((base: T, mine: T, theirs: T) => T) | undefined;
  restore: (content: T) => void;
}): void {
  useEffect(() => {
    const { storageKey, editable, initial, merge, restore } = opts;
    if (!editable) return;
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(storageKey);
    } catch {
      return;
    }
    if (!raw) return;
    try {
      const back = contentToRestore(JSON.parse(raw) as Backup<T>, initial, merge);
      if (back !== null) restore(back);
      else localStorage.removeItem(storageKey);
    } catch {
      localStorage.removeItem(storageKey);
    }
    // Only on mount: the initial server copy is fixed for this page view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
