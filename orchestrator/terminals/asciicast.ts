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

export function castEvent(seconds: number, code: "o" | "i" | "r" | "m", data: string): string {
  return JSON.stringify([Math.round(seconds * 1e6) / 1e6, code, data]);
}

/** `<dir>/<session>.cast`, or `<session>.1.cast`… when a session id is reused after its shell ended. */
export function castPath(dir: string, session: string): string {
  let file = join(dir, `${session}.cast`);
  for (let i = 1; existsSync(file); i++) file = join(dir, `${session}.${i}.cast`);
  return file;
}

/** How much of one recording is kept: its first `headBytes` and its last `tailBytes`. */
export interface CastLimits {
  headBytes: number;
  tailBytes: number;
}

export const DEFAULT_CAST_LIMITS: CastLimits = { headBytes: 6 * 1024 * 1024, tailBytes: 2 * 1024 * 1024 };

/**
 * Writes one recording, capped: the first `headBytes` go to disk as they come;
 * past them a marker is written at once (so even a crash leaves the cut marked)
 * and only the last `tailBytes` of events are kept in memory, written after a
 * second marker (how much was skipped) when the session closes.
 */
export class CastWriter {
  private readonly out: WriteStream;
  /** Event times count from the header's whole second, so header + event time is the wall-clock moment. */
  private readonly started: number;
  private written = 0;
  private cut = false;
  private tail: string[] = [];
  private tailSize = 0;
  private skippedBytes = 0;
  readonly file: string;
  constructor(
    dir: string,
    session: string,
    header: Omit<CastHeader, "version" | "timestamp">,
    private readonly limits: CastLimits = DEFAULT_CAST_LIMITS,
  ) {
    mkdirSync(dir, { recursive: true });
    this.file = castPath(dir, session);
    this.out = createWriteStream(this.file, { flags: "a" });
    this.out.on("error", () => undefined); // a full disk must not kill a player's shell
    const wall = Date.now();
    const stamp = Math.floor(wall / 1000);
    // The header's timestamp is whole seconds (asciicast v2): without this, a recording that starts 0.9 s
    // into a second is placed 0.9 s early on the replay's axis, before the attempt's own start.
    this.started = performance.now() - (wall - stamp * 1000);
    this.write(castHeader({ ...header, timestamp: stamp }) + "\n");
  }
  private now(): number {
    return (performance.now() - this.started) / 1000;
  }
  private write(line: string): void {
    this.written += Buffer.byteLength(line);
    this.out.write(line);
  }
  event(code: "o" | "i" | "r", data: string): void {
    const line = castEvent(this.now(), code, data) + "\n";
    const size = Buffer.byteLength(line);
    if (!this.cut && this.written + size <= this.limits.headBytes) return this.write(line);
    if (!this.cut) {
      this.cut = true;
      const t = this.now();
      const note = `recording cut: only the first ${mb(this.limits.headBytes)} and the last ${mb(this.limits.tailBytes)} of this session are kept`;
      this.write(castEvent(t, "m", note) + "\n");
      this.write(castEvent(t, "o", `\r\n\x1b[7m[${note}]\x1b[0m\r\n`) + "\n");
    }
    this.tail.push(line);
    this.tailSize += size;
    while (this.tailSize > this.limits.tailBytes && this.tail.length > 0) {
      const dropped = this.tail.shift() as string;
      const bytes = Buffer.byteLength(dropped);
      this.tailSize -= bytes;
      this.skippedBytes += bytes;
    }
  }
  /** Whether the recording has gone past its head and is keeping only its tail. */
  get isCut(): boolean {
    return this.cut;
  }
  close(): Promise<void> {
    if (this.cut && this.tail.length > 0) {
      const first = JSON.parse(this.tail[0] as string) as [number];
      const note = `${mb(this.skippedBytes)} of this session skipped here; its last part follows`;
      this.out.write(castEvent(first[0], "m", note) + "\n");
      this.out.write(castEvent(first[0], "o", `\r\n\x1b[7m[${note}]\x1b[0m\r\n`) + "\n");
      for (const line of this.tail) this.out.write(line);
      this.tail = [];
    }
    return new Promise((resolve) => this.out.end(resolve));
  }
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
