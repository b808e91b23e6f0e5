/**
 * Build `levels/<stack>` into `firedrill/stack-<stack>:<hash>` unless an image
 * with that input hash exists. Progress lines go to `onLine`.
 */
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parse } from "yaml";
import { StackManifestSchema, type StackManifest } from "../../lib/levels/stack-schema";
import { buildImage, inspectImage, listImages, removeImage } from "../docker/images";
import { OrchestratorError } from "../errors";
import { tarContext } from "./build-context";
import { bundleServices } from "./bundle-services";
import { ensureBaseImage } from "./ensure-base-image";
import { BASE_IMAGE, IMAGE_LABELS, stackImageRepo, stackImageTag } from "./names";
import { contextFiles, hashInputs, readStackFiles } from "./stack-inputs";

export interface StackImage {
  stack: string;
  tag: string;
  id: string;
  built: boolean;
}

export async function readStackManifest(levelsDir: string, stack: string): Promise<StackManifest> {
  const file = join(levelsDir, stack, "stack.yaml");
  const text = await readFile(file, "utf8").catch(() => {
    throw new OrchestratorError("not_found", `stack ${stack}: ${file} not found`);
  });
  const result = StackManifestSchema.safeParse(parse(text));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new OrchestratorError("bad_request", `${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return result.data;
}

export async function ensureStackImage(
  levelsDir: string,
  stack: string,
  onLine: (l: string) => void,
): Promise<StackImage> {
  const stackDir = join(levelsDir, stack);
  const manifest = await readStackManifest(levelsDir, stack);
  const base = await ensureBaseImage(onLine);
  const bundles = await bundleServices(stackDir, manifest.image.bundles);
  const hostFiles = await readHostFiles(manifest.image.hostFiles);
  const files = contextFiles(await readStackFiles(stackDir, new Set(bundles.map((b) => b.out))), [
    ...bundles,
    ...hostFiles,
  ]);
  const hash = hashInputs(files, base.id, manifest.image.dockerfile);
  const tag = stackImageTag(stack, hash);

  const existing = await inspectImage(tag);
  if (existing) return { stack, tag, id: existing.Id, built: false };

  onLine(`building ${tag} (${files.length} files, ${bundles.length} bundles)`);
  const id = await buildImage(
    tarContext(files),
    {
      tag,
      dockerfile: manifest.image.dockerfile,
      buildargs: { BASE_IMAGE },
      labels: { [IMAGE_LABELS.managed]: "true", [IMAGE_LABELS.stack]: stack, [IMAGE_LABELS.inputs]: hash },
    },
    onLine,
  );
  await pruneOldStackImages(stack, tag, onLine);
  return { stack, tag, id, built: true };
}

/** Host files (resolved as node modules) for the build context, keeping their mode. */
async function readHostFiles(list: { module: string; out: string }[]) {
  const require = createRequire(import.meta.url);
  return Promise.all(
    list.map(async ({ module, out }) => {
      let path: string;
      try {
        path = require.resolve(module);
      } catch {
        throw new OrchestratorError("not_found", `stack host file ${module} is not installed (npm install)`);
      }
      return { out, contents: await readFile(path), mode: (await stat(path)).mode & 0o777 };
    }),
  );
}

/**
 * Remove builds of this stack older than an hour; images still used by containers
 * refuse (409) and stay. Recent ones stay too: someone editing the stack builds often.
 */
async function pruneOldStackImages(stack: string, keep: string, onLine: (l: string) => void): Promise<void> {
  const repo = stackImageRepo(stack);
  const images = await listImages({ [IMAGE_LABELS.managed]: "true", [IMAGE_LABELS.stack]: stack });
  for (const img of images) {
    if (Date.now() / 1000 - img.Created < 3600) continue;
    for (const ref of img.RepoTags ?? []) {
      if (ref === keep || !ref.startsWith(`${repo}:`)) continue;
      await removeImage(ref).then(
        () => onLine(`removed old image ${ref}`),
        () => undefined,
      );
    }
  }
}
