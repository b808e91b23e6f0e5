/**
 * Dump the database a URL names into a backup file (see backup-format.ts), from
 * one consistent snapshot. Written to `<file>.partial` and renamed, so a crash
 * mid-dump never leaves a truncated backup under a good name.
 */
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import pg from "pg";
import { BACKUP_FORMAT, LIST_SEQUENCES, LIST_TABLES, quoteIdent, type BackupHeader } from "./backup-format";

const BATCH = 2000;

export async function dumpDatabase(databaseUrl: string, file: string): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(partial));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = (await client.query<{ tablename: string }>(LIST_TABLES)).rows.map((r) => r.tablename);
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(t)}`);
      counts[t] = Number(rows[0]!.n);
    }
    const sequences: BackupHeader["sequences"] = {};
    for (const { sequencename } of (await client.query<{ sequencename: string }>(LIST_SEQUENCES)).rows) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quoteIdent(sequencename)}`,
      );
      sequences[sequencename] = { value: rows[0]!.last_value, called: rows[0]!.is_called };
    }
    const migrations = tables.includes("_prisma_migrations")
      ? (
          await client.query<{ migration_name: string }>(
            `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
          )
        ).rows.map((r) => r.migration_name)
      : [];
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: new URL(databaseUrl).pathname.slice(1),
      migrations,
      tables: counts,
      sequences,
    };
    await write(JSON.stringify(header));
    for (const t of tables) {
      // A cursor inside the snapshot: the whole table never sits in memory.
      await client.query(
        `DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM ${quoteIdent(t)} x`,
      );
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM rows_cursor`);
        for (const r of rows) await write(`{"t":${JSON.stringify(t)},"r":${r.j}}`);
        if (rows.length < BATCH) break;
      }
      await client.query("CLOSE rows_cursor");
    }
    await client.query("COMMIT");
    gzip.end();
    await once(out, "finish");
    renameSync(partial, file);
    return header;
  } catch (err) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}
