/**
 * Load every `levels/<id>/level.yaml` with LevelManifestSchema. A bad manifest
 * is refused with its file and the field path named; the others still load.
 * Folders starting with `_` (the stack, the SDK) and `tests` are not levels.
 * Pure Node fs + yaml + zod so both the web app and the orchestrator use it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parse, YAMLParseError } from "yaml";
import { LevelManifestSchema, type LevelManifest } from "./manifest-schema";

export interface LoadedLevel {
  manifest: LevelManifest;
  /** Absolute folder of the level (fault.ts, check.ts live there). */
  dir: string;
}

export interface CatalogueError {
  /** The manifest file, relative to the current directory when possible. */
  file: string;
  /** Dotted field path, e.g. `mockClient.requests.0.path`; `(yaml)` for syntax errors, `(root)` for the whole file. */
  field: string;
  message: string;
}

export interface Catalogue {
  levels: LoadedLevel[];
  errors: CatalogueError[];
}

function isLevelFolder(name: string): boolean {
  return !name.startsWith("_") && !name.startsWith(".") && name !== "tests" && name !== "node_modules";
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

export function loadLevelManifest(file: string): { manifest: LevelManifest } | { errors: CatalogueError[] } {
  const shown = display(file);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (err) {
    const message = err instanceof YAMLParseError ? err.message : (err as Error).message;
    return { errors: [{ file: shown, field: "(yaml)", message }] };
  }
  const result = LevelManifestSchema.safeParse(raw);
  if (!result.success) {
    return {
      errors: result.error.issues.map((issue) => ({
        file: shown,
        field: issue.path.length ? issue.path.map(String).join(".") : "(root)",
        message: issue.message,
      })),
    };
  }
  return { manifest: result.data };
}

export function loadCatalogue(levelsDir: string): Catalogue {
  const levels: LoadedLevel[] = [];
  const errors: CatalogueError[] = [];
  if (!existsSync(levelsDir))
    return { levels, errors: [{ file: display(levelsDir), field: "(root)", message: "levels folder not found" }] };

  const folders = readdirSync(levelsDir, { withFileTypes: true })
    .filter(
      (d) =>
        isLevelFolder(d.name) &&
        (d.isDirectory() ||
          (d.isSymbolicLink() && statSync(join(levelsDir, d.name), { throwIfNoEntry: false })?.isDirectory())),
    )
    .map((d) => d.name)
    .sort();
  for (const folder of folders) {
    const dir = join(levelsDir, folder);
    const file = join(dir, "level.yaml");
    if (!existsSync(file)) {
      errors.push({ file: display(file), field: "(root)", message: "level.yaml missing" });
      continue;
    }
    const loaded = loadLevelManifest(file);
    if ("errors" in loaded) {
      errors.push(...loaded.errors);
      continue;
    }
    if (loaded.manifest.id !== folder) {
      errors.push({
        file: display(file),
        field: "id",
        message: `id '${loaded.manifest.id}' must equal the folder name '${folder}'`,
      });
      continue;
    }
    levels.push({ manifest: loaded.manifest, dir: resolve(dir) });
  }
  return { levels, errors };
}
