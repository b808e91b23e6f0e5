/**
 * Import a level's fault.ts / check.ts. The orchestrator runs under tsx, so a
 * TypeScript module imports directly; its default export is the entry point.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CheckContext, LevelContext, Verdict } from "../../levels/_sdk";
import { OrchestratorError } from "../errors";

export async function loadLevelFunction<C, R>(dir: string, module: string): Promise<(ctx: C) => Promise<R>> {
  const file = join(dir, module);
  if (!existsSync(file)) throw new OrchestratorError("failed", `${file} not found`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (typeof mod.default !== "function")
    throw new OrchestratorError("failed", `${file} has no default export function`);
  return mod.default as (ctx: C) => Promise<R>;
}

export const loadFault = (dir: string, module: string) => loadLevelFunction<LevelContext, void>(dir, module);

/** The fault module's optional `onClaim` export: what it deals when a pre-broken pooled environment is claimed. */
export async function loadClaimHook(
  dir: string,
  module: string,
): Promise<((ctx: LevelContext) => Promise<void>) | null> {
  const file = join(dir, module);
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { onClaim?: unknown };
  return typeof mod.onClaim === "function" ? (mod.onClaim as (ctx: LevelContext) => Promise<void>) : null;
}
export const loadCheck = (dir: string, module: string) => loadLevelFunction<CheckContext, Verdict>(dir, module);
