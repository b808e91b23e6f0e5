/**
 * Session recordings in asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/):
 * a JSON header line, then one `[seconds, code, data]` line per event —
 * "o" output, "i" input, "r" resize ("COLSxROWS"). Replayable later.
 */
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  timestamp: number;
  title?: string;
  env?: Record<string, string>;
  /** Extra header key (players ignore it): which environment, instance, session and user this is. */
  firedrill?: { env: string; instance: string; session: string; user?: string };
}

export function castHeader(h: Omit<CastHeader, "version">): string {
  return JSON.stringify({ version: 2, ...h });
}

export function castEvent(seconds: number, code: "o" | "i" | "r", data: string): string {
  return JSON.stringify([Math.round(seconds * 1e6) / 1e6, code, data]);
}

/** `<dir>/<session>.cast`, or `<session>.1.cast`… when a session id is reused after its shell ended. */
export function castPath(dir: string, session: string): string {
  let file = join(dir, `${session}.cast`);
  for (let i = 1; existsSync(file); i++) file = join(dir, `${session}.${i}.cast`);
  return file;
}

export class CastWriter {
  private readonly out: WriteStream;
  private readonly started = performance.now();
  readonly file: string;

  constructor(dir: string, session: string, header: Omit<CastHeader, "version" | "timestamp">) {
    mkdirSync(dir, { recursive: true });
    this.file = castPath(dir, session);
    this.out = createWriteStream(this.file, { flags: "a" });
    this.out.on("error", () => undefined); // a full disk must not kill a player's shell
    this.out.write(castHeader({ ...header, timestamp: Math.floor(Date.now() / 1000) }) + "\n");
  }

  event(code: "o" | "i" | "r", data: string): void {
    this.out.write(castEvent((performance.now() - this.started) / 1000, code, data) + "\n");
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.out.end(resolve));
  }
}
