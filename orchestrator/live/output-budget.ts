/**
 * A per-socket byte budget for what the orchestrator sends. A client that stops
 * reading makes its bytes pile up in this process (engine.io's write buffer and
 * the WebSocket's send buffer); past HIGH bytes its output is skipped (it is told
 * how much when it catches up), and a client stalled for STALL_MS is dropped. So
 * one slow or hostile viewer costs at most HIGH bytes, and never slows the others.
 */
import type { Socket } from "socket.io";

export interface BudgetLimits {
  /** Pending bytes above which output to this socket is skipped. */
  high: number;
  /** Pending bytes under which a skipping socket resumes (and hears what it missed). */
  low: number;
  /** A socket over `high` this long is disconnected. */
  stallMs: number;
}

export const DEFAULT_LIMITS: BudgetLimits = { high: 1024 * 1024, low: 256 * 1024, stallMs: 15_000 };

interface EngineInternals {
  writeBuffer?: { data?: unknown }[];
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
}

/** Bytes emitted to this socket that have not reached the kernel yet. */
export function pendingBytes(socket: Socket): number {
  const conn = socket.conn as unknown as EngineInternals;
  let n = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const p of conn.writeBuffer ?? [])
    n += typeof p.data === "string" ? p.data.length : p.data instanceof Buffer ? p.data.length : 64;
  return n;
}

/** Close a socket at once, even when its write buffer will never drain. */
export function dropSocket(socket: Socket): void {
  socket.disconnect(true);
  (socket.conn as unknown as EngineInternals).transport?.socket?.terminate?.();
}

export class OutputBudget {
  private skipped = 0;
  private stalledSince: number | undefined;
  private dropped = false;

  constructor(
    private readonly socket: Socket,
    private readonly onDrop: (skippedBytes: number) => void = () => undefined,
    private readonly limits: BudgetLimits = DEFAULT_LIMITS,
    private readonly pending: (s: Socket) => number = pendingBytes,
  ) {}

  /**
   * Emit unless this socket is over budget. `size` is the payload's byte size;
   * `resumeNotice(skipped)` is emitted first when the socket catches up after a skip.
   * Returns whether the event was sent.
   */
  emit(event: string, data: unknown, size: number, resumeNotice?: (skipped: number) => [string, unknown]): boolean {
    if (this.dropped) return false;
    const pending = this.pending(this.socket);
    const now = Date.now();
    if (pending > this.limits.high || (this.skipped > 0 && pending > this.limits.low)) {
      this.skipped += size;
      this.stalledSince ??= now;
      if (now - this.stalledSince > this.limits.stallMs) {
        this.dropped = true;
        this.onDrop(this.skipped);
        dropSocket(this.socket);
      }
      return false;
    }
    this.stalledSince = undefined;
    if (this.skipped > 0 && resumeNotice) {
      const [e, d] = resumeNotice(this.skipped);
      this.socket.emit(e, d);
    }
    this.skipped = 0;
    this.socket.emit(event, data);
    return true;
  }
}
