/**
 * Which time zone the app's process really runs on: its TZ as the kernel holds it
 * (not what a file says), else the instance's /etc/localtime as the engine sees it
 * (a link's target names the zone; a copied file is matched against the zone files).
 */
import type { CheckContext } from "../_sdk";
import { FALLBACK_ZONES, knownZone } from "./zones";

export interface AppZone {
  zone: string | null;
  why: string;
}

function zoneFromPath(path: string): string | null {
  const at = path.indexOf("zoneinfo/");
  return at >= 0 ? knownZone(path.slice(at + "zoneinfo/".length).replace(/^(posix|right)\//, "")) : null;
}

export async function appZone(ctx: CheckContext): Promise<AppZone> {
  const node = (await ctx.observe.processes("app"))
    .filter((p) => /(^|\/)node(js)?\s/.test(p.command) || p.command.startsWith("node"))
    .sort((a, b) => b.rssKb - a.rssKb)[0];
  if (!node) return { zone: null, why: "no app process runs" };
  const env = await ctx.observe.processEnvironment("app", node.pid);
  if (!env) return { zone: null, why: "the app process went away" };

  const tz = env.TZ?.trim().replace(/^:/, "");
  if (tz) {
    const zone = tz.startsWith("/") ? zoneFromPath(tz) : knownZone(tz);
    return zone
      ? { zone, why: `TZ=${tz}` }
      : { zone: "UTC", why: `TZ=${tz} is not a zone, so the clock falls back to UTC` };
  }

  const localtime = await ctx.observe.file("app", "/etc/localtime");
  if (!localtime) return { zone: "UTC", why: "no TZ and no /etc/localtime" };
  if (localtime.type === "symlink") {
    const zone = zoneFromPath(localtime.linkTarget);
    return zone
      ? { zone, why: `/etc/localtime → ${localtime.linkTarget}` }
      : { zone: null, why: "/etc/localtime points nowhere known" };
  }
  if (localtime.type !== "file") return { zone: null, why: `/etc/localtime is a ${localtime.type}` };
  const bytes = await ctx.observe.readFile("app", "/etc/localtime", 256 * 1024);
  const candidates = [
    "Etc/UTC",
    ...Object.values(ctx.params).filter((v): v is string => typeof v === "string" && v.includes("/")),
    ...FALLBACK_ZONES,
  ];
  for (const candidate of candidates) {
    const other = await ctx.observe.readFile("app", `/usr/share/zoneinfo/${candidate}`, 256 * 1024);
    if (bytes && other && bytes.equals(other))
      return { zone: candidate, why: `/etc/localtime is a copy of ${candidate}` };
  }
  return { zone: null, why: "/etc/localtime is a zone file the check does not recognise" };
}
