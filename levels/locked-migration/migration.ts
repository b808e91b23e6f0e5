/** The deploy's migration, and what the database's catalog says about it (from the check's pinned SQL). */
import type { Observe } from "../_sdk";

/** The migration the level's deploy ships, e.g. 0005_add_archived_at_to_products. */
export function migrationVersion(column: string, table: string): string {
  return `0005_add_${column}_to_${table}`;
}

/** Where the deploy put it on the app instance (the app applies every NNNN_name.sql there at boot). */
export function migrationFile(version: string): string {
  return `/srv/app/migrations/${version}.sql`;
}

export interface MigrationState {
  /** The column is a live attribute of the real table public.<table> (not a view, not a dropped column). */
  columnExists: boolean;
  /** public.schema_migrations (a real table) lists the version. */
  recorded: boolean;
}

/**
 * Judged in the catalog: a row in schema_migrations is only a claim (anyone can INSERT it);
 * the column in pg_attribute of a real table (relkind r/p) is the migration's effect.
 */
export async function migrationState(
  observe: Pick<Observe, "sql">,
  table: string,
  column: string,
  version: string,
): Promise<MigrationState> {
  const [row] = await observe.sql(
    `SELECT
       EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                 JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                 JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname = $1 AND c.relkind IN ('r', 'p')
                  AND a.attname = $2 AND a.attnum > 0 AND NOT a.attisdropped)::text AS column_exists,
       (SELECT c.relkind::text FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relname = 'schema_migrations') AS migrations_kind`,
    [table, column],
  );
  const columnExists = row?.column_exists === "true";
  // Only the app's real table counts: a view or a look-alike elsewhere is not the record the app keeps.
  if (row?.migrations_kind !== "r") return { columnExists, recorded: false };
  const [rec] = await observe.sql(`SELECT count(*)::text AS n FROM public.schema_migrations WHERE version = $1`, [
    version,
  ]);
  return { columnExists, recorded: rec?.n !== "0" && rec?.n !== undefined };
}
