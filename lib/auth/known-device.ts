/**
 * The "known device" cookie: after a good password, the browser gets a signed
 * note naming the account and a device id. A sign-in carrying it is counted
 * apart from everyone else's (failures are keyed by the device, not the shared
 * address) and is never blocked by an attack on the account, only slowed.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE = "firedrill.device";
export const DEVICE_DAYS = 180;
const DAY_MS = 86_400_000;

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`firedrill-device:${payload}`).digest("base64url");
}

export function issueDeviceCookie(
  userId: string,
  secret: string,
  now = new Date(),
  deviceId = randomBytes(12).toString("base64url"),
): string {
  const payload = `v1.${userId}.${deviceId}.${now.getTime()}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The device id when the cookie is ours, unexpired and for this account; otherwise null. */
export function verifyDeviceCookie(
  value: string | undefined,
  userId: string,
  secret: string,
  now = new Date(),
): string | null {
  const parts = value?.split(".");
  if (parts?.length !== 5 || parts[0] !== "v1" || parts[1] !== userId) return null;
  const payload = parts.slice(0, 4).join(".");
  const given = Buffer.from(parts[4]!);
  const want = Buffer.from(mac(payload, secret));
  if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
  const issued = Number(parts[3]);
  if (!Number.isFinite(issued) || issued > now.getTime() || now.getTime() - issued > DEVICE_DAYS * DAY_MS) return null;
  return parts[2]!;
}

export function cookieFromHeader(header: unknown, name: string): string | undefined {
  if (typeof header !== "string") return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
