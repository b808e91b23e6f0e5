/**
 * Autosave of the postmortem draft, which a team writes together: like the
 * report, a save made from an older version is merged onto the newer one
 * (lib/collab), and the room hears "doc-saved".
 */
import type { Prisma } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../attempts/attempt-access";
import { defaultDeps, type Deps } from "../attempts/deps";
import { mergePostmortem } from "../collab/merge-docs";
import {
  lockAttemptDocs,
  resolveSave,
  saveDocSchema,
  type SaveDocInput,
  type SaveDocResult,
} from "../collab/resolve-save";
import { AppError } from "../errors";
import { publishLiveQuietly } from "../live/publish";
import { assertPostmortemEditable } from "./postmortem-editable";
import { PostmortemDraftSchema, type PostmortemContent } from "./postmortem-schema";

export const SavePostmortemSchema = saveDocSchema(PostmortemDraftSchema);

const CONFLICT = "The postmortem was saved by someone else since you loaded it.";

export async function savePostmortem(
  actor: Actor,
  attemptId: string,
  input: SaveDocInput<PostmortemContent>,
  deps: Deps = defaultDeps(),
): Promise<SaveDocResult<PostmortemContent>> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  const saved = await deps.db.$transaction(async (tx) => {
    await lockAttemptDocs(tx, attemptId);
    const existing = await tx.postmortem.findUnique({ where: { attemptId } });
    assertPostmortemEditable(attempt.status, existing?.status);
    const current = existing?.version ?? 0;
    const currentContent = existing ? PostmortemDraftSchema.safeParse(existing.content).data : undefined;
    const { content, merged } = resolveSave({
      input,
      current: { version: current, content: currentContent ?? PostmortemDraftSchema.parse({}) },
      merge: mergePostmortem,
      check: (c) => PostmortemDraftSchema.safeParse(c).data,
      conflictMessage: CONFLICT,
    });
    const json = content as Prisma.InputJsonValue;
    if (existing) {
      const updated = await tx.postmortem.updateMany({
        where: { attemptId, version: current },
        data: { content: json, version: current + 1 },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", CONFLICT);
    } else {
      await tx.postmortem.create({ data: { attemptId, content: json, version: 1 } });
    }
    return { version: current + 1, content, merged };
  });
  await publishLiveQuietly(deps.db, {
    type: "doc-saved",
    attemptId,
    doc: "postmortem",
    version: saved.version,
    byUserId: actor.id,
  });
  return saved.merged ? { version: saved.version, content: saved.content, merged: true } : { version: saved.version };
}
