/**
 * Records kept as one JSON file each in a folder, written atomically (write a
 * temporary file, fsync, rename) so a crash leaves the old or the new version,
 * never half of one. Memory holds the working copy; the folder is the truth
 * after a restart. A file that does not parse is set aside as `<name>.bad`.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";

export class JsonDirStore<T extends { id: string }> {
  private readonly items = new Map<string, T>();
  private writes = new Map<string, Promise<void>>();

  constructor(
    readonly dir: string,
    private readonly schema: z.ZodType<T>,
    private readonly onBadFile: (file: string, error: string) => void = () => undefined,
  ) {}

  /** Read every record from disk (synchronously: once, at start). */
  load(): T[] {
    mkdirSync(this.dir, { recursive: true });
    this.items.clear();
    for (const name of readdirSync(this.dir)) {
      // A temporary file is a write that a crash interrupted: the rename never happened.
      if (name.includes(".json.tmp-")) rmSync(join(this.dir, name), { force: true });
      if (!name.endsWith(".json")) continue;
      const file = join(this.dir, name);
      try {
        const parsed = this.schema.parse(JSON.parse(readFileSync(file, "utf8")));
        this.items.set(parsed.id, parsed);
      } catch (err) {
        this.onBadFile(file, (err as Error).message);
        renameSync(file, `${file}.bad`);
      }
    }
    return this.all();
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  all(): T[] {
    return [...this.items.values()];
  }

  /** Update memory now and the file durably; writes to one id are serialised. */
  async put(item: T): Promise<void> {
    this.items.set(item.id, item);
    await this.serialise(item.id, () => this.writeFile(item.id, item));
  }

  /** Resolves when every write queued so far for this id is on disk. */
  async flushed(id: string): Promise<void> {
    await this.writes.get(id)?.catch(() => undefined);
  }

  /** Update memory only (cheap, frequent changes such as activity times); the next put writes it. */
  remember(item: T): void {
    this.items.set(item.id, item);
  }

  async delete(id: string): Promise<void> {
    this.items.delete(id);
    await this.serialise(id, () => rm(this.fileOf(id), { force: true }));
  }

  private fileOf(id: string): string {
    return join(this.dir, `${encodeURIComponent(id)}.json`);
  }

  private serialise(id: string, op: () => Promise<void>): Promise<void> {
    const prev = this.writes.get(id) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(op);
    this.writes.set(id, next);
    void next
      .finally(() => {
        if (this.writes.get(id) === next) this.writes.delete(id);
      })
      .catch(() => undefined);
    return next;
  }

  private async writeFile(id: string, item: T): Promise<void> {
    // Write the latest in-memory version: a burst of puts collapses to one state on disk.
    const latest = this.items.get(id) ?? item;
    const file = this.fileOf(id);
    const tmp = `${file}.tmp-${process.pid}`;
    const handle = await open(tmp, "w");
    try {
      await handle.writeFile(JSON.stringify(latest, null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  }
}
