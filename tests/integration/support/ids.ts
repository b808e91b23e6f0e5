import { randomBytes } from "node:crypto";

/** Unique enough for names and emails across parallel runs against one database. */
export function uid(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
}
