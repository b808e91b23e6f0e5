// Prisma CLI configuration. The JS schema engine with the pg adapter works offline
// (no engine binary to download); keep DATABASE_URL set whenever the CLI runs.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: () =>
    Promise.resolve(new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/firedrill" })),
});
