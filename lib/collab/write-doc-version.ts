/**
 * The versioned write shared by the report and the postmortem: the stored
 * copy (if any) is read through the draft schema, the save is resolved against
 * it (merged when it was made from an older version, see resolve-save), and the
 * next version is written only if nobody wrote in between. The caller has
 * locked the attempt's documents and checked the document may be edited.
 */
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { AppError } from "../errors";
import { resolveSave, type SaveDocInput } from "./resolve-save";

/** The document's table (`tx.incidentReport`, `tx.postmortem`): versioned content per attempt. */
export interface DocTable {
  updateMany(args: {
    where: { attemptId: string; version: number };
    data: { content: Prisma.InputJsonValue; version: number };
  }): PromiseLike<{ count: number }>;
  create(args: { data: { attemptId: string; content: Prisma.InputJsonValue; version: number } }): PromiseLike<unknown>;
}

export async function writeDocVersion<T>(p: {
  table: DocTable;
  attemptId: string;
  stored: { version: number; content: Prisma.JsonValue } | null;
  input: SaveDocInput<T>;
  schema: z.ZodType<T>;
  /** The content of a document nobody has saved yet. */
  empty: T;
  merge: (base: T, mine: T, theirs: T) => T;
  conflictMessage: string;
}): Promise<{ version: number; content: T; merged: boolean; before: T | undefined }> {
  const current = p.stored?.version ?? 0;
  const before = p.stored ? p.schema.safeParse(p.stored.content).data : undefined;
  const { content, merged } = resolveSave({
    input: p.input,
    current: { version: current, content: before ?? p.empty },
    merge: p.merge,
    check: (c) => p.schema.safeParse(c).data,
    conflictMessage: p.conflictMessage,
  });
  const json = content as Prisma.InputJsonValue;
  if (p.stored) {
    const updated = await p.table.updateMany({
      where: { attemptId: p.attemptId, version: current },
      data: { content: json, version: current + 1 },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", p.conflictMessage);
  } else {
    await p.table.create({ data: { attemptId: p.attemptId, content: json, version: 1 } });
  }
  return { version: current + 1, content, merged, before };
}
