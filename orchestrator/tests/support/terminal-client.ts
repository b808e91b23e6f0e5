/** socket.io clients for the orchestrator's namespaces, as a browser page would use them, and echo timing. */
import { io as connect, type Socket } from "socket.io-client";

export const ORIGIN = "http://localhost:3000";

export function openSocket(base: string, ns: string, auth: Record<string, unknown>): Socket {
  return connect(`${base}${ns}`, {
    auth,
    transports: ["websocket"],
    extraHeaders: { origin: ORIGIN },
    reconnection: false,
    forceNew: true,
  });
}

export function once<T = unknown>(s: Socket, event: string, ms = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    s.once(event, (v: T) => (clearTimeout(timer), resolve(v)));
  });
}

export function outputUntil(s: Socket, needle: string | RegExp, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => (s.off("output", on), reject(new Error(`no "${needle}" in output: ${JSON.stringify(seen.slice(-300))}`))),
      ms,
    );
    const on = (text: string) => {
      seen += text;
      if (typeof needle === "string" ? seen.includes(needle) : needle.test(seen)) {
        clearTimeout(timer);
        s.off("output", on);
        resolve(seen);
      }
    };
    s.on("output", on);
  });
}

/** Type one key at a time into a shell and time its echo, for `seconds`; returns the round trips in ms. */
export async function echoLatencies(s: Socket, seconds: number): Promise<number[]> {
  const rtts: number[] = [];
  const until = Date.now() + seconds * 1000;
  let typed = 0;
  while (Date.now() < until) {
    const ch = String.fromCharCode(97 + (typed % 26));
    const at = performance.now();
    await new Promise<void>((done) => {
      const timer = setTimeout(() => (s.off("output", on), rtts.push(5000), done()), 5000);
      const on = (text: string) => {
        if (!text.includes(ch)) return;
        clearTimeout(timer);
        s.off("output", on);
        rtts.push(performance.now() - at);
        done();
      };
      s.on("output", on);
      s.emit("input", ch);
    });
    if (++typed % 40 === 0) s.emit("input", "\u0015"); // ctrl-U keeps the line short
    await new Promise((r) => setTimeout(r, 50));
  }
  return rtts;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN);
}

export function describeLatency(label: string, rtts: number[]): { p50: number; p95: number; n: number } {
  const figures = { p50: percentile(rtts, 50), p95: percentile(rtts, 95), n: rtts.length };
  console.log(`${label}: echo p50 ${figures.p50} ms, p95 ${figures.p95} ms over ${figures.n} keystrokes`);
  return figures;
}

/** The transport's TCP socket, paused: this client stops reading, as a stalled or hostile viewer would. */
export function stopReading(s: Socket): void {
  const engine = s.io.engine as unknown as { transport?: { ws?: { _socket?: { pause(): void } } } };
  const tcp = engine.transport?.ws?._socket;
  if (!tcp) throw new Error("no WebSocket TCP socket to pause");
  tcp.pause();
}
