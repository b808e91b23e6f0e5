/**
 * The app's configuration, from the environment. /etc/sv/app/run loads
 * /etc/app/app.env before starting the app, so that file is where to change it.
 */
import { loadCorsConfig, type CorsConfig } from "./cors";

export interface Config {
  version: string;
  port: number;
  databaseUrl: string;
  uploadDir: string;
  outboxDir: string;
  maxUploadMb: number;
  /** Only the latest uploads stay on disk (they are processed on arrival). */
  keepUploads: number;
  migrationsDir: string;
  logFile: string;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Cross-origin access to the API (cors.ts); null: none configured. */
  cors: CorsConfig | null;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`missing configuration: ${name} (see /etc/app/app.env)`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const level = env.LOG_LEVEL ?? "info";
  return {
    version: "1.4.2",
    port: Number(env.PORT ?? 3000),
    databaseUrl: required(env, "DATABASE_URL"),
    uploadDir: env.UPLOAD_DIR ?? "/var/lib/app/uploads",
    outboxDir: env.OUTBOX_DIR ?? "/var/lib/app/outbox",
    maxUploadMb: Number(env.MAX_UPLOAD_MB ?? 25),
    keepUploads: Number(env.KEEP_UPLOADS ?? 10),
    migrationsDir: env.MIGRATIONS_DIR ?? "/srv/app/migrations",
    logFile: env.LOG_FILE ?? "/var/log/app/app.log",
    logLevel: level === "debug" || level === "warn" || level === "error" ? level : "info",
    cors: loadCorsConfig(env),
  };
}
