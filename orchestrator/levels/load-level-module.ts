/**
 * Import a level's fault.ts / check.ts. The orchestrator runs under tsx, so a
 * TypeScript module imports directly; its default export is the entry point.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LevelContext, Verdict } from "../../levels/_sdk";
import { OrchestratorError } from "../errors";

export async function loadLevelFunction<R>(dir: string, module: string): Promise<(ctx: LevelContext) => Promise<R>> {
  const file = join(dir, module);
  if (!existsSync(file)) throw new OrchestratorError("failed", `${file} not found`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (typeof mod.default !== "function")
    throw new OrchestratorError("failed", `${file} has no default export function`);
  return mod.default as (ctx: LevelContext) => Promise<R>;
}

export const loadFault = (dir: string, module: string) => loadLevelFunction<void>(dir, module);
export const loadCheck = (dir: string, module: string) => loadLevelFunction<Verdict>(dir, module);
