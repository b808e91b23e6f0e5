/**
 * The recordings' retention policy: files older than `maxAgeDays` go, then the
 * oldest go until all of them fit in `maxTotalBytes`. A recording still being
 * written is never removed; an environment folder left empty is removed.
 */
import { readdir, rm, rmdir, stat } from "node:fs/promises";
import { join } from "node:path";

export interface RetentionPolicy {
  maxAgeDays: number;
  maxTotalBytes: number;
}

interface CastFile {
  file: string;
  bytes: number;
  mtimeMs: number;
}

async function castFiles(dir: string): Promise<CastFile[]> {
  const envs = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: CastFile[] = [];
  for (const env of envs) {
    if (!env.isDirectory()) continue;
    for (const name of await readdir(join(dir, env.name)).catch(() => [] as string[])) {
      if (!name.endsWith(".cast")) continue;
      const file = join(dir, env.name, name);
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) found.push({ file, bytes: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return found;
}

export async function pruneRecordings(
  dir: string,
  policy: RetentionPolicy,
  live: ReadonlySet<string> = new Set(),
  now = Date.now(),
): Promise<{ removed: string[]; freedBytes: number; keptBytes: number }> {
  const files = (await castFiles(dir)).sort((a, b) => a.mtimeMs - b.mtimeMs);
  const oldest = now - policy.maxAgeDays * 24 * 3600 * 1000;
  let total = files.reduce((n, f) => n + f.bytes, 0);
  const removed: string[] = [];
  let freed = 0;
  for (const f of files) {
    if (live.has(f.file)) continue;
    if (f.mtimeMs >= oldest && total <= policy.maxTotalBytes) continue;
    await rm(f.file, { force: true });
    removed.push(f.file);
    total -= f.bytes;
    freed += f.bytes;
  }
  const folders = new Set(removed.map((f) => join(f, "..")));
  for (const folder of folders) await rmdir(folder).catch(() => undefined); // only when empty
  return { removed, freedBytes: freed, keptBytes: total };
}
