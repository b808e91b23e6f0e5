/**
 * Brings the Level table in line with levels/: every valid manifest is
 * upserted (the manifest is the source of truth), levels whose folder is gone
 * or whose manifest is now refused are disabled, never deleted (attempts point
 * at them). Refused manifests are reported with the file and field named.
 */
import { createHash } from "node:crypto";
import type { PrismaClient, Prisma } from "@prisma/client";
import { loadCatalogue, type CatalogueError } from "./load-catalogue";

export interface SyncResult {
  synced: number;
  disabled: number;
  errors: CatalogueError[];
}

export async function syncLevels(db: PrismaClient, levelsDir: string): Promise<SyncResult> {
  const catalogue = loadCatalogue(levelsDir);
  const ids = catalogue.levels.map((l) => l.manifest.id);
  await db.$transaction(async (tx) => {
    for (const { manifest } of catalogue.levels) {
      const json = manifest as unknown as Prisma.InputJsonValue;
      const manifestHash = createHash("sha256").update(JSON.stringify(manifest)).digest("hex");
      const fields = {
        title: manifest.title,
        category: manifest.category,
        difficulty: manifest.difficulty,
        parMinutes: manifest.parMinutes,
        manifest: json,
        manifestHash,
        enabled: true,
        syncedAt: new Date(),
      };
      await tx.level.upsert({ where: { id: manifest.id }, create: { id: manifest.id, ...fields }, update: fields });
    }
  });
  const disabled = await db.level.updateMany({
    where: { id: { notIn: ids }, enabled: true },
    data: { enabled: false },
  });
  return { synced: ids.length, disabled: disabled.count, errors: catalogue.errors };
}
