/**
 * Which uid is root on the app instance, as the engine reports uids: with user-namespace remapping the
 * host's `ps` and the archive API say 100000 (say) for the container's root, without it 0. The instance's
 * init (PID 1, the oldest process with no parent inside the container) runs as root and a player cannot
 * change its owner, so its uid is root's.
 */
import type { ProcessFacts } from "../_sdk";

export function rootUid(processes: ProcessFacts[]): number | null {
  const pids = new Set(processes.map((p) => p.pid));
  const roots = processes.filter((p) => !pids.has(p.ppid));
  const init = roots.sort((a, b) => b.elapsedSeconds - a.elapsedSeconds)[0];
  return init ? init.uid : null;
}
