/** Apply committed migrations to DATABASE_URL: `npm run db:migrate`. */
import path from "node:path";
import { migrate } from "../../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "DATABASE_URL is not set. `npm start` sets it for the embedded database; set it to migrate another one.",
  );
  process.exit(1);
}
const result = await migrate(url, path.resolve("prisma/migrations"), (l) => console.log(l));
console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
