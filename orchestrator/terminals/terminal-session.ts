/**
 * One shell (a TTY exec) shared by every socket attached to it: output goes to
 * all viewers and to the recording; input comes from read-write viewers. It
 * outlives its viewers for a while so a reconnect with the same session key
 * re-attaches and sees the scrollback. A shell opened ahead of its player (see
 * TerminalManager.prewarm) records from when a player takes it, starting with
 * what it has printed so far.
 */
import { StringDecoder } from "node:string_decoder";
import type { Tty } from "../driver/types";
import type { CastWriter } from "./asciicast";
import { Scrollback } from "./scrollback";

const MAX_PENDING_INPUT = 256 * 1024;
/**
 * Output a shell may print per second (and its burst). Past it the TTY stream is
 * paused, so a flood (`yes`, `cat` of a big file) blocks the shell, as a real
 * terminal's flow control would, instead of costing the engine and this process
 * CPU that every other terminal needs. Far more than anyone can read.
 */
export const OUTPUT_BYTES_PER_SECOND = 1024 * 1024;
const OUTPUT_BURST = 512 * 1024;

export interface Viewer {
  output(text: string): void;
  exit(code: number): void;
}

export class TerminalSession {
  private readonly viewers = new Map<string, Viewer>();
  private readonly scrollback = new Scrollback();
  private readonly decoder = new StringDecoder("utf8");
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private markFinished: () => void = () => undefined;
  /** Resolves when the shell has ended and its recording is complete on disk. */
  readonly finished = new Promise<void>((resolve) => (this.markFinished = resolve));
  lastActivity = Date.now();

  constructor(
    readonly key: string,
    readonly id: string,
    readonly envId: string,
    readonly instance: string,
    private readonly tty: Tty,
    private cast: CastWriter | null,
    private readonly keepAliveMs: number,
    private readonly onClosed: (s: TerminalSession) => void,
  ) {
    tty.stream.on("data", (chunk: Buffer) => {
      this.throttle(chunk.length);
      this.scrollback.push(chunk);
      const text = this.decoder.write(chunk);
      if (!text) return;
      this.cast?.event("o", text);
      for (const v of this.viewers.values()) v.output(text);
    });
    const ended = () => void this.finish();
    tty.stream.on("end", ended);
    tty.stream.on("close", ended);
    tty.stream.on("error", ended);
    this.armIdleTimer();
  }

  /** The recording's file; null while nobody has taken the shell yet. */
  get recordingFile(): string | null {
    return this.cast?.file ?? null;
  }

  /** Start recording (a shell opened ahead of its player, now taken): what it printed so far comes first. */
  record(cast: CastWriter): void {
    if (this.cast) return;
    this.cast = cast;
    const shown = this.scrollback.text();
    if (shown) cast.event("o", shown);
  }
  get viewerCount(): number {
    return this.viewers.size;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Attach a viewer; returns the scrollback to replay to it. */
  attach(viewerId: string, viewer: Viewer): string {
    this.viewers.set(viewerId, viewer);
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    return this.scrollback.text();
  }

  detach(viewerId: string): void {
    this.viewers.delete(viewerId);
    if (this.viewers.size === 0) this.armIdleTimer();
  }

  /** A line from the game (not the shell) shown to every viewer, kept in the scrollback and the recording. */
  notice(text: string): void {
    if (this.closed) return;
    this.scrollback.push(Buffer.from(text));
    this.cast?.event("o", text);
    for (const v of this.viewers.values()) v.output(text);
  }

  /** False (and nothing written) when the shell has stopped reading: its input buffer here stays bounded. */
  write(data: string): boolean {
    if (this.closed) return true;
    if (this.tty.stream.writableLength > MAX_PENDING_INPUT) return false;
    this.lastActivity = Date.now();
    this.cast?.event("i", data);
    this.tty.stream.write(data);
    return true;
  }

  async resize(cols: number, rows: number): Promise<void> {
    if (this.closed) return;
    this.cast?.event("r", `${cols}x${rows}`);
    await this.tty.resize(cols, rows).catch(() => undefined);
  }

  /** End the shell (its environment goes, or nobody came back in time). */
  close(): void {
    if (this.closed) return;
    this.tty.stream.end();
    this.tty.stream.destroy();
    void this.finish();
  }

  private allowance = OUTPUT_BURST;
  private refilledAt = performance.now();
  private resumeTimer: NodeJS.Timeout | undefined;

  private throttle(bytes: number): void {
    const now = performance.now();
    this.allowance = Math.min(
      OUTPUT_BURST,
      this.allowance + ((now - this.refilledAt) / 1000) * OUTPUT_BYTES_PER_SECOND,
    );
    this.refilledAt = now;
    this.allowance -= bytes;
    if (this.allowance >= 0 || this.resumeTimer) return;
    this.tty.stream.pause();
    this.resumeTimer = setTimeout(
      () => {
        this.resumeTimer = undefined;
        if (!this.closed) this.tty.stream.resume();
      },
      Math.ceil((-this.allowance / OUTPUT_BYTES_PER_SECOND) * 1000),
    );
  }

  private armIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.keepAliveMs);
    this.idleTimer.unref();
  }

  private async finish(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.resumeTimer);
    const code = await this.tty.exitCode().catch(() => -1);
    for (const v of this.viewers.values()) v.exit(code);
    this.viewers.clear();
    await this.cast?.close();
    this.onClosed(this);
    this.markFinished();
  }
}
