/** The two sides of the proxy's hop a check probes: through the proxy (as customers) and straight at the app. */
import type { Observe } from "../_sdk";

export type Side = "proxy" | "app";
export const SIDES: Side[] = ["proxy", "app"];
export const sideName = (side: Side): string => (side === "proxy" ? "through the proxy" : "at the app (port 3000)");

export function get(observe: Pick<Observe, "http" | "direct">, side: Side, path: string, timeoutMs: number) {
  return side === "proxy" ? observe.http(path, { timeoutMs }) : observe.direct("app", 3000, path, { timeoutMs });
}
