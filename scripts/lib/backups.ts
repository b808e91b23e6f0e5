/**
 * Scheduled backups of the embedded database: one every FIREDRILL_BACKUP_HOURS
 * (6 by default, 0 turns the schedule off) and one at shutdown, kept in
 * `<data>/backups`, newest FIREDRILL_BACKUP_KEEP (14) kept.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dumpDatabase } from "../../lib/db/backup/dump-database";

export interface Backups {
  runNow(): Promise<string>;
  stop(opts: { finalDump: boolean }): Promise<void>;
}

const NAME = /^firedrill-\d{8}-\d{6}(-\d+)?\.json\.gz$/;

export function backupName(at: Date): string {
  const s = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `firedrill-${s}.json.gz`;
}

/** Delete all but the newest `keep` backups (names sort by time). */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort();
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const f of old) rmSync(path.join(dir, f), { force: true });
  return old;
}

export function startBackups(opts: {
  databaseUrl: string;
  dir: string;
  say: (line: string) => void;
  hours?: number;
  keep?: number;
}): Backups {
  const hours = opts.hours ?? Number(process.env.FIREDRILL_BACKUP_HOURS ?? 6);
  const keep = Math.max(1, opts.keep ?? Number(process.env.FIREDRILL_BACKUP_KEEP ?? 14));
  mkdirSync(opts.dir, { recursive: true });
  let running: Promise<string> | undefined;

  const runNow = () => {
    running ??= (async () => {
      const started = Date.now();
      const file = path.join(opts.dir, backupName(new Date()));
      const header = await dumpDatabase(opts.databaseUrl, file);
      const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
      const pruned = pruneBackups(opts.dir, keep);
      opts.say(
        `backup written: ${file} (${rows} rows, ${Date.now() - started} ms)` +
          (pruned.length ? `; removed ${pruned.length} older` : ""),
      );
      return file;
    })().finally(() => (running = undefined));
    return running;
  };

  const timer =
    hours > 0
      ? setInterval(
          () =>
            void runNow().catch((err: unknown) =>
              opts.say(`backup failed: ${err instanceof Error ? err.message : String(err)}`),
            ),
          hours * 3_600_000,
        )
      : undefined;
  timer?.unref();

  return {
    runNow,
    async stop({ finalDump }) {
      clearInterval(timer);
      await running?.catch(() => undefined);
      if (finalDump) await runNow();
    },
  };
}
