/**
 * Autosave of the postmortem draft, which a team writes together: like the
 * report, a save made from an older version is merged onto the newer one
 * (lib/collab), and the room hears "doc-saved".
 */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { mergePostmortem } from "./merge-postmortem";
import { lockAttemptDocs, saveDocSchema, type SaveDocInput, type SaveDocResult } from "../collab/resolve-save";
import { writeDocVersion } from "../collab/write-doc-version";
import { publishLiveQuietly } from "../bus/publish";
import { assertPostmortemEditable } from "./postmortem-editable";
import { EMPTY_POSTMORTEM, PostmortemDraftSchema, type PostmortemContent } from "./postmortem-schema";

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
    return writeDocVersion({
      table: tx.postmortem,
      attemptId,
      stored: existing,
      input,
      schema: PostmortemDraftSchema,
      empty: EMPTY_POSTMORTEM,
      merge: mergePostmortem,
      conflictMessage: CONFLICT,
    });
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
