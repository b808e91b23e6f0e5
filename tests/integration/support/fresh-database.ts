/**
 * A brand-new, migrated database in the same PostgreSQL cluster, for the few
 * tests that need an empty one (demo seeding, "the last admin"). Dropped after.
 */
import "./env";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { migrate } from "../../../lib/db/migrate";
import { uid } from "./ids";

export async function withFreshDatabase(fn: (db: PrismaClient) => Promise<void>): Promise<void> {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `firedrill_it_${uid().replace(/[^a-z0-9]/g, "")}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    await migrate(url.toString(), path.resolve("prisma/migrations"));
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    try {
      await fn(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}
