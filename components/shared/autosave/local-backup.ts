/**
 * The browser's copy of a document being edited (localStorage), so a crash or
 * a lost connection loses nothing typed; and which copy to bring back on load:
 * one newer than the server's as it is, one from before a teammate's save
 * merged onto theirs (when the page can merge).
 */
import { deepEqual } from "@/lib/collab/merge-content";

export interface Backup<T> {
  content: T;
  version: number;
  /** The server's content at `version`, which `content` was edited from (absent in copies from older pages). */
  base?: T;
  at: number;
}

export function writeBackup<T>(storageKey: string, backup: Backup<T>): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(backup));
  } catch {
    /* storage full or disabled: the server copy still saves */
  }
}

export function dropBackup(storageKey: string): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    /* ignore */
  }
}

/**
 * The content to bring back from `b` over the server's copy, or null when the
 * server already has it (or something newer that it cannot be merged onto).
 */
export function contentToRestore<T>(
  b: Backup<T>,
  server: { content: T; version: number; updatedAt: string | null },
  merge: ((base: T, mine: T, theirs: T) => T) | undefined,
): T | null {
  const serverAt = server.updatedAt ? Date.parse(server.updatedAt) : 0;
  let back: T | null = null;
  if (b.version >= server.version && b.at > serverAt) back = b.content;
  else if (b.version < server.version && b.base !== undefined && merge) {
    // Teammates saved since: this browser's unsaved edits go on top of theirs.
    back = merge(b.base, b.content, server.content);
  }
  return back !== null && !deepEqual(back, server.content) ? back : null;
}
