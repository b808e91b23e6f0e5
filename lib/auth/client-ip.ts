/**
 * The client address for sign-in throttling. Next sets x-forwarded-for from the
 * socket when no proxy did; behind a proxy, the proxy's first hop is the client.
 */
export function clientIp(headers: Record<string, unknown> | undefined): string {
  const xff = headers?.["x-forwarded-for"];
  const first = typeof xff === "string" ? xff.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}
