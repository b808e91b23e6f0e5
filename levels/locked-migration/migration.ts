/** The migration the level's deploy ships, e.g. 0005_add_archived_at_to_products. */
export function migrationVersion(column: string, table: string): string {
  return `0005_add_${column}_to_${table}`;
}
