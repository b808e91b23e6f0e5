/**
 * Backups end to end: dump the test database, restore it with the real
 * `npm run db:restore` command into another database, wipe that one, restore
 * again: same row counts and content hashes every time. A file that is not a
 * backup, or one a newer Firedrill wrote, is refused and changes nothing.
 */
import "./support/env";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { after, before, test } from "node:test";
import pg from "pg";
import { dumpDatabase } from "../../lib/db/backup/dump-database";
import { restoreDatabase, RestoreError } from "../../lib/db/backup/restore-database";
import { db, makeUser } from "./support/people";

const root = path.resolve(import.meta.dirname, "../..");
const migrations = path.join(root, "prisma", "migrations");
const source = process.env.DATABASE_URL!;
const target = (() => {
  const u = new URL(source);
  u.pathname = "/firedrill_test_restore";
  return u.toString();
})();
const dir = mkdtempSync(path.join(tmpdir(), "firedrill-backup-"));

async function admin(sql: string): Promise<void> {
  const u = new URL(source);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Per table: row count and an md5 of every row's text, in a stable order. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (
      await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).rows;
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const { rows } = await c.query<{ n: string; h: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`,
      );
      out[t] = `${rows[0]!.n}:${rows[0]!.h}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

function restoreCommand(file: string) {
  return spawnSync("npm", ["run", "-s", "db:restore", "--", file], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: target },
    encoding: "utf8",
    timeout: 120_000,
  });
}

before(async () => {
  await admin(`DROP DATABASE IF EXISTS firedrill_test_restore WITH (FORCE)`);
  await admin(`CREATE DATABASE firedrill_test_restore`);
  // Rows with awkward content: quotes, newlines, unicode, nulls.
  await makeUser("PLAYER", { label: `O'Brien "the\nsecond" — ünïcødé 🔥` });
  await makeUser("FACILITATOR");
});

after(async () => {
  await db.$disconnect();
  await admin(`DROP DATABASE IF EXISTS firedrill_test_restore WITH (FORCE)`);
});

test("dump, restore with npm run db:restore, wipe, restore again: same row counts and hashes", async () => {
  const file = path.join(dir, "one.json.gz");
  const header = await dumpDatabase(source, file);
  const original = await fingerprint(source);
  assert.ok(header.tables.User! >= 2, "the dump holds the users");
  assert.ok(Object.keys(original).length > 10, "every table is compared");

  const first = restoreCommand(file);
  assert.equal(first.status, 0, first.stdout + first.stderr);
  assert.match(first.stdout, /restored .* rows in \d+ tables/);
  assert.deepEqual(await fingerprint(target), original);

  // Wipe: every row gone (and something foreign added), then restore over it.
  const c = new pg.Client({ connectionString: target });
  await c.connect();
  await c.query(`TRUNCATE "User" CASCADE`);
  await c.query(`CREATE TABLE "stray" (x int)`);
  await c.end();
  assert.notDeepEqual(await fingerprint(target), original);
  const second = restoreCommand(file);
  assert.equal(second.status, 0, second.stdout + second.stderr);
  assert.deepEqual(await fingerprint(target), original, "same counts and hashes after wipe + restore");
});

test("a file that is not a backup is refused and the database is unchanged", async () => {
  const before = await fingerprint(target);
  const bogus = path.join(dir, "bogus.json.gz");
  writeFileSync(bogus, gzipSync('{"hello":"world"}\n'));
  await assert.rejects(restoreDatabase(target, bogus, migrations), RestoreError);
  const notGzip = path.join(dir, "plain.txt");
  writeFileSync(notGzip, "DROP TABLE users;");
  await assert.rejects(restoreDatabase(target, notGzip, migrations), RestoreError);
  const cli = restoreCommand(bogus);
  assert.notEqual(cli.status, 0);
  assert.match(cli.stderr, /not a Firedrill backup/);
  assert.deepEqual(await fingerprint(target), before);
});

test("a backup from a newer Firedrill (unknown migration) or with missing rows is refused, nothing changed", async () => {
  const file = path.join(dir, "two.json.gz");
  await dumpDatabase(source, file);
  const before = await fingerprint(target);
  const [head, ...rows] = gunzipSync(readFileSync(file)).toString().split("\n");
  const header = JSON.parse(head!) as { migrations: string[] };

  const newer = path.join(dir, "newer.json.gz");
  writeFileSync(
    newer,
    gzipSync(
      [JSON.stringify({ ...header, migrations: [...header.migrations, "99999999_from_the_future"] }), ...rows].join(
        "\n",
      ),
    ),
  );
  await assert.rejects(restoreDatabase(target, newer, migrations), /newer Firedrill.*99999999_from_the_future/);

  const truncated = path.join(dir, "truncated.json.gz");
  writeFileSync(truncated, gzipSync([head, ...rows.filter((r) => !r.startsWith('{"t":"User"'))].join("\n")));
  await assert.rejects(
    restoreDatabase(target, truncated, migrations),
    /table User: the backup lists \d+ rows but holds 0/,
  );
  assert.deepEqual(await fingerprint(target), before, "a failed restore rolls back");
});
