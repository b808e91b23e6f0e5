/**
 * The client address for sign-in throttling. scripts/web-server.ts settles it
 * before Next sees the request (server/http/screen-incoming.ts: forwarding headers
 * count only from TRUSTED_PROXIES) and writes it as the one X-Forwarded-For.
 */
export function clientIp(headers: Record<string, unknown> | undefined): string {
  const xff = headers?.["x-forwarded-for"];
  return (typeof xff === "string" ? xff.split(",")[0]?.trim() : "") || "unknown";
}
