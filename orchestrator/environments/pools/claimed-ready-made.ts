/** Is this record a claimed pre-broken environment with nothing left but being marked ready (tens of ms)? */
import type { EnvironmentRecord } from "../../state/environment-record";

export function claimedReadyMade(r: EnvironmentRecord): boolean {
  return r.state === "provisioning" && r.fromWarmPool && !r.claimHook && r.stages.every((s) => s.status === "done");
}
