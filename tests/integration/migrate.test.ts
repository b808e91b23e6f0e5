import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import pg from "pg";
import { migrate, readMigrations } from "../../lib/db/migrate";

const url = process.env.DATABASE_URL!;
const dir = path.resolve("prisma/migrations");

test("migrations are recorded in Prisma's table with Prisma's checksum, and re-running applies nothing", async () => {
  const again = await migrate(url, dir);
  assert.equal(again.applied.length, 0);
  assert.equal(again.alreadyApplied, readMigrations(dir).length);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations(dir);
    assert.deepEqual(
      rows.map((r) => r.migration_name),
      files.map((f) => f.name),
    );
    for (const row of rows) {
      const sql = readFileSync(path.join(dir, row.migration_name, "migration.sql"));
      assert.equal(row.checksum, createHash("sha256").update(sql).digest("hex"));
      assert.ok(row.finished_at, `${row.migration_name} finished`);
      assert.equal(row.applied_steps_count, 1);
    }
  } finally {
    await client.end();
  }
});

test("prisma migrate status agrees that the database is up to date", () => {
  const out = execFileSync("npx", ["prisma", "migrate", "status"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  assert.match(out, /Database schema is up to date/);
});

test("no change to prisma/schema.prisma lacks a migration (the snapshot of the last migration matches it)", () => {
  // An empty diff from the snapshot means no schema change is missing a migration.
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
    { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
  );
  assert.match(sql.trim(), /^-- This is an empty migration\.?$/);
});

test("a failing migration is rolled back, recorded with its error, and blocks later runs with a clear message", async () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const scratch = mkdtempSync(path.join(tmpdir(), "migrations-"));
  const name = `29990101000000_broken_${Date.now()}`;
  mkdirSync(path.join(scratch, name));
  writeFileSync(
    path.join(scratch, name, "migration.sql"),
    "CREATE TABLE will_not_exist (id int); SELECT no_such_function();",
  );
  await assert.rejects(() => migrate(url, scratch), /Migration .*broken.* failed/);
  await assert.rejects(() => migrate(url, scratch), /failed earlier and is recorded as unfinished/);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('will_not_exist') AS t`);
    assert.equal((table.rows[0] as { t: string | null }).t, null, "the partial migration was rolled back");
    await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [name]);
  } finally {
    await client.end();
  }
});
