/**
 * TRUSTED_PROXIES: the proxies whose forwarding headers are believed, as
 * addresses or CIDR ranges (IPv4 or IPv6), comma-separated. Empty means none.
 */
import { BlockList, isIP } from "node:net";

export type ProxyMatcher = (address: string) => boolean;

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) → "10.0.0.1". */
export function normalizeAddress(address: string): string {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a;
}

function entries(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseEntry(entry: string): { address: string; prefix: number | null; family: "ipv4" | "ipv6" } | null {
  const [address = "", prefixText, extra] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return null;
  const family = version === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return { address, prefix: null, family };
  const prefix = Number(prefixText);
  const max = version === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefixText) || prefix > max) return null;
  return { address, prefix, family };
}

/** Null when the list is valid, else a message naming the bad entry (for lib/env.ts). */
export function proxyListError(list: string): string | null {
  const bad = entries(list).find((e) => parseEntry(e) === null);
  return bad === undefined ? null : `"${bad}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1)`;
}

export function trustedProxies(list: string): ProxyMatcher {
  const blocks = new BlockList();
  for (const e of entries(list)) {
    const parsed = parseEntry(e);
    if (!parsed) throw new Error(`TRUSTED_PROXIES: ${proxyListError(e)}`);
    if (parsed.prefix === null) blocks.addAddress(parsed.address, parsed.family);
    else blocks.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return (address) => {
    const a = normalizeAddress(address);
    const version = isIP(a);
    return version !== 0 && blocks.check(a, version === 4 ? "ipv4" : "ipv6");
  };
}
