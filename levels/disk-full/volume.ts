/** The app's data volume and what the fault writes there. */
import type { VolumeFacts } from "../_sdk";

export const VOLUME = "/var/lib/app";

export function fillerPath(params: Readonly<Record<string, string | number>>): string {
  return `${VOLUME}/${params.dir}/${params.file}`;
}

export function percentFree(v: Pick<VolumeFacts, "sizeBytes" | "availBytes">): number {
  return Math.round((100 * v.availBytes) / v.sizeBytes);
}
