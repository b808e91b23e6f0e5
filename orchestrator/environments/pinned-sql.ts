/**
 * SQL a player cannot bend: the orchestrator connects to the stack's database over
 * the environment's network as the check's own role (never through a psql inside
 * the player's instance), and before the first query
 *   - pins search_path to pg_catalog (views or functions in `public` cannot stand in
 *     for catalog objects; callers schema-qualify everything anyway);
 *   - puts every setting that a role or database default changed back to the
 *     server's own value (planner `enable_*` and costs, transaction defaults…);
 *   - sets time zone, date style, read-only transactions and timeouts explicitly.
 * The connection's startup options carry the same pins, so they hold from the first byte.
 */
import pg from "pg";
import { CannotJudge, type SqlRow } from "../../levels/_sdk";
import { messageOf } from "../errors";

export interface SqlTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

const STARTUP_PINS = [
  "search_path=pg_catalog,pg_temp",
  "TimeZone=UTC",
  "DateStyle=ISO,MDY",
  "IntervalStyle=postgres",
  "default_transaction_read_only=on",
  "default_transaction_isolation=read\\ committed",
  "default_transaction_deferrable=off",
  "statement_timeout=15000",
  "lock_timeout=2000",
  "idle_in_transaction_session_timeout=20000",
  "row_security=off",
].map((p) => `-c ${p}`);

/** Role- and database-level defaults (pg_db_role_setting) back to the configuration file's value or the built-in one. */
export const UNDO_ROLE_SETTINGS = `
SELECT pg_catalog.set_config(s.name, COALESCE(f.setting, s.boot_val), false)
  FROM pg_catalog.pg_settings s
  LEFT JOIN LATERAL (
    SELECT fs.setting FROM pg_catalog.pg_file_settings fs
     WHERE fs.name OPERATOR(pg_catalog.=) s.name AND fs.applied AND fs.error IS NULL
     ORDER BY fs.seqno DESC LIMIT 1) f ON true
 WHERE s.source OPERATOR(pg_catalog.=) ANY (ARRAY['database', 'user', 'database user']::pg_catalog.text[])
   AND s.context OPERATOR(pg_catalog.=) ANY (ARRAY['user', 'superuser']::pg_catalog.text[])
   AND s.name OPERATOR(pg_catalog.<>) ALL (ARRAY['search_path', 'TimeZone', 'DateStyle', 'IntervalStyle',
     'default_transaction_read_only', 'default_transaction_isolation', 'default_transaction_deferrable',
     'statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout', 'row_security']::pg_catalog.text[])`;

export class PinnedSql {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;

  constructor(private readonly target: () => Promise<SqlTarget>) {}

  private async connect(): Promise<pg.Client> {
    const t = await this.target();
    const client = new pg.Client({
      host: t.host,
      port: t.port,
      database: t.database,
      user: t.user,
      password: t.password,
      options: STARTUP_PINS.join(" "),
      connectionTimeoutMillis: 5_000,
      query_timeout: 20_000,
      application_name: "firedrill-check",
      // Values come back as text, as psql shows them: no client-side type games.
      types: { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig,
    });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query(UNDO_ROLE_SETTINGS);
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      throw new CannotJudge(
        `the database on ${t.host}:${t.port} did not accept the check's connection (${messageOf(err)})`,
        {
          cause: err,
        },
      );
    }
  }

  async query(text: string, values: (string | number | boolean | null)[] = []): Promise<SqlRow[]> {
    if (!this.client) {
      this.connecting ??= this.connect();
      try {
        this.client = await this.connecting;
      } finally {
        this.connecting = undefined;
      }
    }
    try {
      const res = await this.client.query({ text, values });
      return res.rows as SqlRow[];
    } catch (err) {
      const e = err as { code?: string };
      // A connection lost mid-check (the db restarted): the next query reconnects.
      if (!e.code) {
        await this.close();
        throw new CannotJudge(`the check lost its database connection (${messageOf(err)})`, { cause: err });
      }
      throw err;
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
