/** The shapes autosave speaks in: its status, the server's answer to a save, and shared editing's options. */
import type { CollabDoc } from "@/lib/collab/merge-docs";
import type { Person } from "./use-doc-sync";

export type SaveStatus = "saved" | "dirty" | "saving" | "conflict" | "offline" | "error" | "readonly";

export interface SaveReply<T> {
  version: number;
  content?: T;
  merged?: boolean;
}

export interface Collab<T> {
  attemptId: string;
  doc: CollabDoc;
  merge: (base: T, mine: T, theirs: T) => T;
  /** The attempt's members, to name whose edits were merged in. */
  people?: readonly Person[] | undefined;
}
