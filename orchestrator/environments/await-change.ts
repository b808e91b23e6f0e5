/**
 * The room's long poll: while an environment is provisioning, its view is answered at its next
 * change (a stage ends, a fault step reports, it becomes ready or fails) or after `waitMs`,
 * whichever comes first; otherwise at once. The room learns of "ready" the moment it happens
 * instead of at its next poll.
 */
import type { EnvironmentView } from "../../lib/contracts/orchestrator-api";
import type { Deps } from "../deps";
import type { EnvironmentRecord } from "../state/environment-record";
import { describe } from "./environment-view";

/** The longest a caller may be held (the web's call to the orchestrator times out at 15 s). */
export const MAX_WAIT_MS = 5_000;

export async function awaitChange(deps: Deps, rec: EnvironmentRecord, waitMs: number): Promise<EnvironmentView> {
  const wait = Math.min(Math.max(0, waitMs), MAX_WAIT_MS);
  if (rec.state !== "provisioning" || wait === 0) return describe(deps, rec);
  let off = () => undefined as void;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = await new Promise<EnvironmentView | null>((resolve) => {
    off = deps.bus.subscribe(rec.id, (e) => {
      if (e.type === "state") resolve(e.view);
      else if (e.type === "destroyed") resolve(null);
    });
    timer = setTimeout(() => resolve(null), wait);
    // Changed between the caller's read and the subscription: answer now.
    const now = deps.envs.get(rec.id);
    if (!now || now.updatedAt !== rec.updatedAt) resolve(null);
  }).finally(() => {
    off();
    clearTimeout(timer);
  });
  if (changed) return changed;
  const now = deps.envs.get(rec.id);
  return describe(deps, now ?? rec);
}
