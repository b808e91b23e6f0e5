/** The app's data volume, as `df` inside the app instance sees it. */
import type { LevelContext } from "../_sdk";

export const VOLUME = "/var/lib/app";

export function fillerPath(params: Readonly<Record<string, string | number>>): string {
  return `${VOLUME}/${params.dir}/${params.file}`;
}

export interface Usage {
  sizeBytes: number;
  availBytes: number;
}

export async function volumeUsage(ctx: LevelContext): Promise<Usage | undefined> {
  const res = await ctx.exec("app", `df -B1 --output=size,avail ${VOLUME} | tail -1`);
  const [size, avail] = res.stdout.trim().split(/\s+/).map(Number);
  if (res.exitCode !== 0 || !size || avail === undefined || Number.isNaN(avail)) return undefined;
  return { sizeBytes: size, availBytes: avail };
}

export function percentFree(u: Usage): number {
  return Math.round((100 * u.availBytes) / u.sizeBytes);
}
