/**
 * A Firedrill backup: gzip'd JSON lines. Line 1 is the header (schema version as
 * the list of applied migrations, row counts, sequences); every other line is
 * one row `{"t": table, "r": row}` as PostgreSQL's row_to_json wrote it, so
 * json_populate_record restores every type exactly. Written with plain SQL, so
 * it needs no pg_dump of the server's major version.
 */
import { z } from "zod";

export const BACKUP_FORMAT = "firedrill-backup/1";

export const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  database: z.string(),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), z.number().int().min(0)),
  sequences: z.record(z.string(), z.object({ value: z.string(), called: z.boolean() })),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

export const BackupRowSchema = z.object({ t: z.string(), r: z.record(z.string(), z.unknown()) });

/** Tables of the public schema, bookkeeping included (it says which migrations the rows belong to). */
export const LIST_TABLES = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
export const LIST_SEQUENCES = `SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
