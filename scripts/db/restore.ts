/**
 * `npm run db:restore -- <file>`: replace the database's contents with a backup
 * (`.data/backups/firedrill-*.json.gz`). Stop Firedrill first. Uses DATABASE_URL,
 * or starts the embedded PostgreSQL of FIREDRILL_DATA_DIR (.data) for the restore.
 *   npm run db:restore -- <file> [--yes]
 */
import path from "node:path";
import { existsSync } from "node:fs";
import { restoreDatabase } from "../../lib/db/backup/restore-database";
import { withDatabase } from "./with-database";

const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith("--"));
if (!file || !existsSync(file)) {
  console.error(`usage: npm run db:restore -- <backup file>${file ? `\n${file}: no such file` : ""}`);
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "../..");
const code = await withDatabase(async (url) => {
  const header = await restoreDatabase(url, file, path.join(root, "prisma", "migrations"));
  const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
  console.log(
    `[firedrill] restored ${file} (taken ${header.createdAt}): ${rows} rows in ${Object.keys(header.tables).length} tables`,
  );
  console.log("[firedrill] run npm start: newer migrations, if any, are applied then");
});
process.exit(code);
