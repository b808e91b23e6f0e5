/**
 * What a save of a shared document (report, postmortem) writes. A save names
 * the version it edited: the current one → its content as sent; an older one
 * sent with the content it started from (`base`) → a three-way merge of its
 * edits onto the current content, so a teammate's save in between loses
 * nothing; an older one without `base` (an old tab, a caller that cannot
 * merge) → CONFLICT, as before. `base` comes from the writer: it only shapes
 * how their own edits are applied, and they may write the document anyway.
 */
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { AppError } from "../errors";

const version = z.number().int().nonnegative();

/** `{ content, baseVersion, base? }`; `{ version, content }` (the older name) still works. */
export function saveDocSchema<C extends z.ZodType>(content: C) {
  return z
    .object({ version: version.optional(), baseVersion: version.optional(), content, base: content.optional() })
    .strict()
    .refine((v) => v.version !== undefined || v.baseVersion !== undefined, {
      message: "Name the version you edited.",
      path: ["baseVersion"],
    });
}

export interface SaveDocInput<T> {
  version?: number | undefined;
  baseVersion?: number | undefined;
  content: T;
  base?: T | undefined;
}

export interface SaveDocResult<T> {
  version: number;
  /** Present when the save was merged with someone else's: what is now saved. */
  content?: T;
  merged?: true;
}

export function resolveSave<T>(p: {
  input: SaveDocInput<T>;
  current: { version: number; content: T };
  merge: (base: T, mine: T, theirs: T) => T;
  /** Checks the merged document still fits the schema (lengths); undefined when it does not. */
  check: (merged: T) => T | undefined;
  conflictMessage: string;
}): { content: T; merged: boolean } {
  const baseVersion = p.input.baseVersion ?? p.input.version ?? -1;
  const conflict = () => new AppError("CONFLICT", p.conflictMessage, { version: String(p.current.version) });
  if (baseVersion === p.current.version) return { content: p.input.content, merged: false };
  if (baseVersion > p.current.version || p.input.base === undefined) throw conflict();
  const merged = p.check(p.merge(p.input.base, p.input.content, p.current.content));
  if (merged === undefined) throw conflict();
  return { content: merged, merged: true };
}

/**
 * Serialises saves of one attempt's documents: the attempt row is locked for
 * the transaction, so the version read next is the one the write replaces.
 * (NO KEY UPDATE does not block rows that merely reference the attempt.)
 */
export async function lockAttemptDocs(tx: Prisma.TransactionClient, attemptId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Attempt" WHERE "id" = ${attemptId} FOR NO KEY UPDATE`;
}
