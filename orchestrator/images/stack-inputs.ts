/**
 * Everything a stack image is built from, and the hash that names it: the
 * stack folder's files, the fresh bundles and the base image id. Same inputs,
 * same tag, no rebuild.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Bundle } from "./bundle-services";

export interface ContextFile {
  path: string;
  mode: number;
  contents: Buffer;
}

const SKIP_DIRS = new Set(["node_modules", ".git"]);

export async function readStackFiles(stackDir: string, skip: Set<string>): Promise<ContextFile[]> {
  const files: ContextFile[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const rel = relative(stackDir, abs).split(sep).join("/");
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(abs);
      } else if (entry.isFile() && !skip.has(rel)) {
        const st = await stat(abs);
        files.push({ path: rel, mode: st.mode & 0o777, contents: await readFile(abs) });
      }
    }
  }
  await walk(stackDir);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function contextFiles(stackFiles: ContextFile[], bundles: (Bundle & { mode?: number })[]): ContextFile[] {
  const all = [...stackFiles, ...bundles.map((b) => ({ path: b.out, mode: b.mode ?? 0o644, contents: b.contents }))];
  return all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function hashInputs(files: ContextFile[], baseImageId: string, dockerfile: string): string {
  const h = createHash("sha256");
  h.update(`base ${baseImageId}\ndockerfile ${dockerfile}\n`);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of sorted) {
    h.update(`${f.path} ${f.mode.toString(8)} ${createHash("sha256").update(f.contents).digest("hex")}\n`);
  }
  return h.digest("hex");
}
