/**
 * `npm run db:backup [-- <file>]`: write a backup now (default:
 * `<data>/backups/firedrill-<time>.json.gz`). Works while Firedrill runs.
 */
import path from "node:path";
import { mkdirSync } from "node:fs";
import { dumpDatabase } from "../../lib/db/backup/dump-database";
import { backupName } from "../lib/backups";
import { dataDirOf, withDatabase } from "./with-database";

const dir = path.join(dataDirOf(), "backups");
const file = process.argv[2] ?? path.join(dir, backupName(new Date()));
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
const code = await withDatabase(async (url) => {
  const header = await dumpDatabase(url, file);
  const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
  console.log(`[firedrill] backup written: ${file} (${rows} rows)`);
});
process.exit(code);
