/**
 * One line per event, to the log file and to stdout:
 *   2024-05-02T14:03:07.112+00:00 INFO GET /api/products 200 12ms
 * Timestamps are in the server's local time, with its UTC offset.
 */
import { appendFileSync } from "node:fs";
import type { Config } from "./config";

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function localTimestamp(d = new Date()): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

export function createLogger(config: Pick<Config, "logFile" | "logLevel">): Logger {
  const min = LEVELS[config.logLevel];
  let fileBroken = false;
  const write = (level: keyof typeof LEVELS, message: string) => {
    if (LEVELS[level] < min) return;
    const line = `${localTimestamp()} ${level.toUpperCase()} ${message}\n`;
    process.stdout.write(line);
    try {
      // Append (and reopen) every time: the file may be rotated or deleted under us.
      appendFileSync(config.logFile, line);
      fileBroken = false;
    } catch (err) {
      if (!fileBroken)
        process.stdout.write(`${localTimestamp()} ERROR cannot write ${config.logFile}: ${(err as Error).message}\n`);
      fileBroken = true;
    }
  };
  return {
    debug: (m) => write("debug", m),
    info: (m) => write("info", m),
    warn: (m) => write("warn", m),
    error: (m) => write("error", m),
  };
}
