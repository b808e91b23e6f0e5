/**
 * The time zone the app's database sessions get: the most specific of the app role's
 * setting in the shop database, the app role's setting everywhere, the shop
 * database's setting, the server's configuration file, PostgreSQL's default (GMT).
 * Read with pinned SQL from the catalog.
 */
import type { CheckContext } from "../_sdk";
import { knownZone } from "./zones";

const SQL = `
WITH settings AS (
  SELECT s.setconfig,
         CASE WHEN s.setrole <> 0 AND s.setdatabase <> 0 THEN 1 WHEN s.setrole <> 0 THEN 2 ELSE 3 END AS rank
    FROM pg_catalog.pg_db_role_setting s
   WHERE (s.setrole = 0 OR s.setrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'app'))
     AND (s.setdatabase = 0 OR s.setdatabase = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = 'shop'))
     AND NOT (s.setrole = 0 AND s.setdatabase = 0))
SELECT (SELECT pg_catalog.string_agg(c, E'\\n' ORDER BY st.rank) FROM settings st, pg_catalog.unnest(st.setconfig) c
         WHERE pg_catalog.lower(c) LIKE 'timezone=%') AS scoped,
       (SELECT fs.setting FROM pg_catalog.pg_file_settings fs
         WHERE pg_catalog.lower(fs.name) = 'timezone' AND fs.error IS NULL ORDER BY fs.seqno DESC LIMIT 1) AS file,
       (SELECT ps.boot_val FROM pg_catalog.pg_settings ps WHERE ps.name = 'TimeZone') AS boot`;

export interface DatabaseZone {
  zone: string;
  source: string;
}

export async function databaseZone(ctx: CheckContext): Promise<DatabaseZone> {
  const [row] = await ctx.observe.sql(SQL);
  const scoped = row?.scoped?.split("\n")[0]?.replace(/^timezone=/i, "");
  const pick = (value: string | null | undefined, source: string) => {
    const zone = value ? knownZone(value.replace(/^'|'$/g, "")) : null;
    return zone ? { zone, source } : null;
  };
  return (
    pick(scoped, "a role or database setting") ??
    pick(row?.file, "postgresql.conf") ??
    pick(row?.boot, "PostgreSQL's default") ?? { zone: "UTC", source: "assumed" }
  );
}
