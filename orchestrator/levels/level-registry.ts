/**
 * The orchestrator's view of the levels folder: the catalogue (loaded with the
 * shared loader) and each stack's manifest. Reloaded at start and on reconcile.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue, type Catalogue, type LoadedLevel } from "../../lib/levels/load-catalogue";
import { levelStack } from "../../lib/levels/level-stack";
import type { StackManifest } from "../../lib/levels/stack-schema";
import { OrchestratorError } from "../errors";
import { readStackManifest } from "../images/ensure-stack-image";

export class LevelRegistry {
  private catalogue: Catalogue = { levels: [], errors: [] };
  private readonly stackManifests = new Map<string, StackManifest>();

  constructor(readonly levelsDir: string) {}

  reload(): Catalogue {
    this.catalogue = loadCatalogue(this.levelsDir);
    this.stackManifests.clear();
    return this.catalogue;
  }

  view(): { levels: { id: string; title: string; category: string }[]; errors: Catalogue["errors"] } {
    return {
      levels: this.catalogue.levels.map(({ manifest: m }) => ({ id: m.id, title: m.title, category: m.category })),
      errors: this.catalogue.errors,
    };
  }

  get(levelId: string): LoadedLevel {
    const level = this.catalogue.levels.find((l) => l.manifest.id === levelId);
    if (!level) {
      const refused = this.catalogue.errors.find((e) => e.file.includes(`${levelId}/`));
      throw new OrchestratorError(
        "not_found",
        refused
          ? `level ${levelId} was refused: ${refused.file}: ${refused.field}: ${refused.message}`
          : `level ${levelId} not found`,
      );
    }
    return level;
  }

  /** Every loaded level (the pre-broken pools are sized per level). */
  all(): LoadedLevel[] {
    return [...this.catalogue.levels];
  }

  /** Stacks used by at least one loaded level (the warm pool keeps these warm). */
  stacksInUse(): string[] {
    return [...new Set(this.catalogue.levels.map((l) => l.manifest.stack))].filter((s) =>
      existsSync(join(this.levelsDir, s, "stack.yaml")),
    );
  }

  /**
   * The stack as this level builds it (its own volume sizes applied): what creates an environment
   * for the level, pooled or played, builds from this; everything else may read `stack()`.
   */
  async stackFor(levelId: string): Promise<StackManifest> {
    const { manifest } = this.get(levelId);
    const stack = await this.stack(manifest.stack);
    try {
      return levelStack(stack, manifest.volumeSizes);
    } catch (err) {
      throw new OrchestratorError("failed", `level ${levelId}: ${(err as Error).message}`);
    }
  }

  /** Whether a healthy warm-pool slot of the stack (built as the stack declares) is this level's. */
  takesWarmSlots(levelId: string): boolean {
    return Object.keys(this.get(levelId).manifest.volumeSizes).length === 0;
  }

  async stack(stack: string): Promise<StackManifest> {
    const cached = this.stackManifests.get(stack);
    if (cached) return cached;
    const manifest = await readStackManifest(this.levelsDir, stack);
    this.stackManifests.set(stack, manifest);
    return manifest;
  }
}
