/** A level row's stored manifest, re-validated (it was validated on sync; this also applies defaults). */
import { LevelManifestSchema, type LevelManifest, type PublicLevel } from "../levels/manifest-schema";
import { AppError } from "../errors";

export function manifestOf(level: { id: string; manifest: unknown }): LevelManifest {
  const parsed = LevelManifestSchema.safeParse(level.manifest);
  if (!parsed.success)
    throw new AppError(
      "CONFIG",
      `Level ${level.id} has a stored manifest that no longer validates; re-sync the levels.`,
    );
  return parsed.data;
}

/**
 * A certification attempt's objectives: what any incident asks, never the level's own steps
 * (those name the cause, e.g. "Understand that the disk is full").
 */
export const CERTIFICATION_OBJECTIVES = [
  "Restore the service for its users",
  "Find the root cause and fix it so it stays fixed",
  "Write the incident report and the postmortem",
] as const;

/** What players may see: no fault, check, fixes or solution; in certification mode, no step-naming objectives. */
export function publicLevel(m: LevelManifest, playMode: "TRAINING" | "CERTIFICATION" = "TRAINING"): PublicLevel {
  return {
    id: m.id,
    title: m.title,
    category: m.category,
    difficulty: m.difficulty,
    parMinutes: m.parMinutes,
    briefing: m.briefing,
    objectives: playMode === "CERTIFICATION" ? [...CERTIFICATION_OBJECTIVES] : m.objectives,
    shells: m.shells,
    app: m.app,
  };
}
