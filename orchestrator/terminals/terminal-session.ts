/**
 * One shell (a TTY exec) shared by every socket attached to it: output goes to
 * all viewers and to the recording; input comes from read-write viewers. It
 * outlives its viewers for a while so a reconnect with the same session key
 * re-attaches and sees the scrollback.
 */
import { StringDecoder } from "node:string_decoder";
import type { Tty } from "../driver/types";
import type { CastWriter } from "./asciicast";
import { Scrollback } from "./scrollback";

const MAX_PENDING_INPUT = 256 * 1024;

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
    private readonly cast: CastWriter,
    private readonly keepAliveMs: number,
    private readonly onClosed: (s: TerminalSession) => void,
  ) {
    tty.stream.on("data", (chunk: Buffer) => {
      this.scrollback.push(chunk);
      const text = this.decoder.write(chunk);
      if (!text) return;
      this.cast.event("o", text);
      for (const v of this.viewers.values()) v.output(text);
    });
    const ended = () => void this.finish();
    tty.stream.on("end", ended);
    tty.stream.on("close", ended);
    tty.stream.on("error", ended);
    this.armIdleTimer();
  }

  get recordingFile(): string {
    return this.cast.file;
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

  /** False (and nothing written) when the shell has stopped reading: its input buffer here stays bounded. */
  write(data: string): boolean {
    if (this.closed) return true;
    if (this.tty.stream.writableLength > MAX_PENDING_INPUT) return false;
    this.lastActivity = Date.now();
    this.cast.event("i", data);
    this.tty.stream.write(data);
    return true;
  }

  async resize(cols: number, rows: number): Promise<void> {
    if (this.closed) return;
    this.cast.event("r", `${cols}x${rows}`);
    await this.tty.resize(cols, rows).catch(() => undefined);
  }

  /** End the shell (its environment goes, or nobody came back in time). */
  close(): void {
    if (this.closed) return;
    this.tty.stream.end();
    this.tty.stream.destroy();
    void this.finish();
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
    const code = await this.tty.exitCode().catch(() => -1);
    for (const v of this.viewers.values()) v.exit(code);
    this.viewers.clear();
    await this.cast.close();
    this.onClosed(this);
    this.markFinished();
  }
}
