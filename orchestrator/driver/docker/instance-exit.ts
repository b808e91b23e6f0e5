/** A container exit from the engine's event stream, read through this driver's labels. */
import type { ContainerExit } from "../../docker/events";
import { LABEL } from "../labels";
import type { InstanceExit } from "../types";

export function instanceExitOf(e: ContainerExit): (InstanceExit & { role: string; signal: string | null }) | null {
  const slot = e.attributes[LABEL.slot];
  if (!slot) return null;
  return {
    action: e.action,
    slot,
    // A keeper runs the stack's image, whose own labels may carry an instance name: the role decides.
    instance: e.attributes[LABEL.role] === "keeper" ? "keeper" : (e.attributes[LABEL.instance] ?? ""),
    role: e.attributes[LABEL.role] ?? "instance",
    exitCode: e.exitCode,
    signal: e.signal,
    at: e.at,
  };
}
