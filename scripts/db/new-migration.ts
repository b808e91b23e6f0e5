/**
 * Make the next migration offline: `npm run db:new-migration -- add_something`.
 * Diffs prisma/snapshot/schema.prisma (the schema as of the last migration)
 * against prisma/schema.prisma with `prisma migrate diff --script`, writes
 * prisma/migrations/<timestamp>_<name>/migration.sql and moves the snapshot on.
 * The JS schema engine needs a live connection even for a datamodel diff, so a
 * scratch embedded PostgreSQL is started for the duration.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(1);
}
const db = await startEmbeddedPostgres({ dataDir: ".data/postgres-scratch", port: 54329, database: "scratch" });
try {
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      "prisma/snapshot/schema.prisma",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" },
  );
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("prisma/schema.prisma has no changes since the last migration; nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    copyFileSync("prisma/schema.prisma", "prisma/snapshot/schema.prisma");
    console.log(`wrote ${dir}/migration.sql; review it, then commit it with prisma/snapshot/schema.prisma`);
  }
} finally {
  await db.stop();
}
