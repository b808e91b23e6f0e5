/**
 * A log file that rotates by size: `name.log` grows to maxBytes, then becomes
 * `name.log.1` (older ones shift up to `.keep`, the oldest is dropped).
 * Synchronous appends: a supervisor's lines must not be lost when it exits.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export class RotatingLog {
  private size: number;

  constructor(
    readonly file: string,
    private readonly maxBytes = 10 * 1024 * 1024,
    private readonly keep = 5,
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.size = existsSync(file) ? statSync(file).size : 0;
  }

  write(text: string): void {
    if (this.size > 0 && this.size + text.length > this.maxBytes) this.rotate();
    try {
      appendFileSync(this.file, text);
      this.size += Buffer.byteLength(text);
    } catch {
      // A full or read-only disk must not stop the game; the console still has the line.
    }
  }

  private rotate(): void {
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      if (existsSync(`${this.file}.${i}`)) renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    }
    if (existsSync(this.file)) renameSync(this.file, `${this.file}.1`);
    this.size = 0;
  }
}
