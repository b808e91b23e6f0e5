/**
 * The app's user loses write access where it must write (owner, mode, the parent directory, the
 * group's write bit), while the app keeps running: uploads answer 500 (EACCES in app.log).
 */
import type { LevelContext } from "../_sdk";
import { mustExec, waitFor } from "../_lib/shell";
import { uploadAndReadBack } from "../_lib/upload";
import { takeWriteAccess } from "./mechanisms";

export default async function fault(ctx: LevelContext): Promise<void> {
  const mechanism = String(ctx.params.mechanism);
  ctx.log(`taking the app user's write access away (${mechanism})`);
  await mustExec(ctx, "app", takeWriteAccess(mechanism, Number(ctx.params.ticket)));
  const failing = await waitFor(
    async () => {
      const upload = await uploadAndReadBack(ctx.observe, 1024, { timeoutMs: 5000 });
      return !upload.stored && upload.status === 500 ? true : undefined;
    },
    15_000,
    500,
  );
  if (!failing) throw new Error("uploads still work after the fault");
}
