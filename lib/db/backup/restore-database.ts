/**
 * Restore a backup into the database a URL names, replacing what it holds: the
 * public schema is dropped, re-created by the migrations the backup was taken
 * at, and refilled row by row; sequences are set back. One transaction: a
 * failed restore leaves the database as it was. Newer migrations are applied by
 * the next `npm start` as usual.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { CREATE_TABLE, readMigrations } from "../migrate";
import { BackupHeaderSchema, BackupRowSchema, quoteIdent, type BackupHeader } from "./backup-format";

export class RestoreError extends Error {}

export async function restoreDatabase(databaseUrl: string, file: string, migrationsDir: string): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next().catch((err: unknown) => {
    throw new RestoreError(`${file} is not a Firedrill backup (${err instanceof Error ? err.message : String(err)})`);
  });
  const parsed = BackupHeaderSchema.safeParse(first.done ? undefined : JSON.parse(first.value));
  if (!parsed.success) throw new RestoreError(`${file} is not a Firedrill backup (bad header)`);
  const header = parsed.data;
  const known = new Map(readMigrations(migrationsDir).map((m) => [m.name, m]));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new RestoreError(`the backup was taken by a newer Firedrill (unknown migrations: ${unknown.join(", ")})`);
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
    await client.query(CREATE_TABLE);
    for (const name of header.migrations) await client.query(known.get(name)!.sql);
    // Rows arrive in table order, not foreign-key order: check constraints at the end only.
    await client.query("SET CONSTRAINTS ALL DEFERRED");
    await client.query("SET LOCAL session_replication_role = replica");
    const counts: Record<string, number> = {};
    let batch: { table: string; rows: unknown[] } | undefined;
    const flush = async () => {
      if (!batch?.rows.length) return;
      const t = quoteIdent(batch.table);
      await client.query(`INSERT INTO ${t} SELECT * FROM json_populate_recordset(NULL::${t}, $1::json)`, [
        JSON.stringify(batch.rows),
      ]);
      counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
      batch = undefined;
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      if (!next.value.trim()) continue;
      const { t, r } = BackupRowSchema.parse(JSON.parse(next.value));
      if (!(t in header.tables)) throw new RestoreError(`row for a table the header does not list: ${t}`);
      if (batch && (batch.table !== t || batch.rows.length >= 500)) await flush();
      batch ??= { table: t, rows: [] };
      batch.rows.push(r);
    }
    await flush();
    for (const [t, n] of Object.entries(header.tables)) {
      if ((counts[t] ?? 0) !== n)
        throw new RestoreError(`table ${t}: the backup lists ${n} rows but holds ${counts[t] ?? 0}`);
    }
    for (const [seq, { value, called }] of Object.entries(header.sequences)) {
      await client.query(`SELECT setval($1, $2::bigint, $3)`, [quoteIdent(seq), value, called]);
    }
    await client.query("COMMIT");
    return header;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}
