/**
 * Secrets a local game needs but nobody should have to invent: generated once,
 * kept in the git-ignored data folder, reused on every start. Variables set in
 * the environment always win.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface LocalSecrets {
  NEXTAUTH_SECRET: string;
  ORCHESTRATOR_SECRET: string;
  DEMO_PASSWORD: string;
}

const make = (): LocalSecrets => ({
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  ORCHESTRATOR_SECRET: randomBytes(32).toString("base64url"),
  // Readable enough to type from the console: three groups of four letters/digits.
  DEMO_PASSWORD: randomBytes(9).toString("base64url").replace(/[-_]/g, "x").match(/.{4}/g)!.join("-"),
});

export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  const current: Partial<LocalSecrets> = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>)
    : {};
  const merged = { ...make(), ...current };
  if (JSON.stringify(merged) !== JSON.stringify(current)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(merged, null, 2), { mode: 0o600 });
  }
  return merged;
}
