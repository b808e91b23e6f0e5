/**
 * The address a request really came from. The socket's peer, unless that peer is
 * a trusted proxy (TRUSTED_PROXIES): then X-Forwarded-For is walked from the
 * right (the hop the trusted proxy saw) past every further trusted proxy. What a
 * client writes itself sits left of that and is never believed.
 */
import { isIP } from "node:net";
import { type ProxyMatcher, normalizeAddress } from "../../lib/config/trusted-proxies";

export function resolveClientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: ProxyMatcher,
): string {
  let address = normalizeAddress(remoteAddress ?? "") || "unknown";
  if (!trusted(address)) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => normalizeAddress(h))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // A garbled hop ends the walk: the address before it is the last one a trusted proxy vouched for.
    if (isIP(hop) === 0) break;
    address = hop;
    if (!trusted(hop)) break;
  }
  return address;
}
