/** Autosave of the postmortem draft, with the same optimistic concurrency as the report. */
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../attempts/attempt-access";
import { defaultDeps, type Deps } from "../attempts/deps";
import { AppError } from "../errors";
import { assertPostmortemEditable } from "./postmortem-editable";
import { PostmortemDraftSchema } from "./postmortem-schema";

export const SavePostmortemSchema = z
  .object({ version: z.number().int().nonnegative(), content: PostmortemDraftSchema })
  .strict();

export async function savePostmortem(
  actor: Actor,
  attemptId: string,
  input: z.infer<typeof SavePostmortemSchema>,
  deps: Deps = defaultDeps(),
): Promise<{ version: number }> {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "write");
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.postmortem.findUnique({ where: { attemptId } });
    assertPostmortemEditable(attempt.status, existing?.status);
    const current = existing?.version ?? 0;
    const conflict = () =>
      new AppError("CONFLICT", "The postmortem was saved from another tab or window since you loaded it.", {
        version: String(current),
      });
    if (input.version !== current) throw conflict();
    const content = input.content as Prisma.InputJsonValue;
    if (existing) {
      const updated = await tx.postmortem.updateMany({
        where: { attemptId, version: current },
        data: { content, version: current + 1 },
      });
      if (updated.count !== 1) throw conflict();
    } else {
      await tx.postmortem.create({ data: { attemptId, content, version: 1 } });
    }
    return { version: current + 1 };
  });
}
