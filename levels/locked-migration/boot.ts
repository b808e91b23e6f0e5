/**
 * After the engine reboots the app instance: is the shop's app still starting (a busy machine),
 * or does it not come up (crashing, restarting)? Judged from the host's process list.
 */
import type { Observe } from "../_sdk";

/** The app's node process has been alive since about the reboot: it is starting, not crash-looping. */
export async function stillStarting(observe: Pick<Observe, "processes">, secondsSinceReboot: number): Promise<boolean> {
  const procs = await observe.processes("app");
  return procs.some(
    (p) =>
      /\bnode\b/.test(p.command) && p.command.includes("server.cjs") && p.elapsedSeconds >= secondsSinceReboot - 10,
  );
}
