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

/** What players may see: no fault, check, fixes or solution. */
export function publicLevel(m: LevelManifest): PublicLevel {
  return {
    id: m.id,
    title: m.title,
    category: m.category,
    difficulty: m.difficulty,
    parMinutes: m.parMinutes,
    briefing: m.briefing,
    objectives: m.objectives,
    shells: m.shells,
    app: m.app,
  };
}
