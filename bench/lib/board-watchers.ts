/**
 * The browsers of bench/board-fanout.ts, in their own process (as browsers
 * would be): N facilitator sockets watching the live board, each noting when
 * it first sees each version of each row. Driven over IPC:
 *   parent → { type: "start", url, origin, cookieName, tokens }   ← { type: "watching", snapshotMs[] }
 *   parent → { type: "collect", sent }                            ← { type: "result", ... }
 * A version is the row's `checksTried` (attempt-changed) or `successRate` (SLI).
 */
import { io, type Socket } from "socket.io-client";

interface Row {
  attemptId: string;
  checksTried: number;
  successRate: number | null;
}
type Start = { type: "start"; url: string; origin: string; cookieName: string; tokens: string[] };
/** Send times (epoch ms, fractional) keyed "c:<attemptId>:<checksTried>" or "s:<attemptId>:<successRate>". */
type Collect = { type: "collect"; sent: Record<string, number> };

const now = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
/** Per socket: key → first time seen. */
const seen: Map<string, number>[] = [];
let messages = 0;
let rowsReceived = 0;
let disconnects = 0;

function watch(i: number, m: Start): Promise<number> {
  const s = io(m.url, {
    path: "/live",
    transports: ["websocket"],
    extraHeaders: { origin: m.origin, cookie: `${m.cookieName}=${m.tokens[i]}` },
    reconnection: false,
  });
  sockets.push(s);
  const mine = new Map<string, number>();
  seen.push(mine);
  const note = (rows: Row[]) => {
    const t = now();
    for (const r of rows) {
      rowsReceived++;
      const c = `c:${r.attemptId}:${r.checksTried}`;
      if (!mine.has(c)) mine.set(c, t);
      if (r.successRate !== null) {
        const k = `s:${r.attemptId}:${r.successRate}`;
        if (!mine.has(k)) mine.set(k, t);
      }
    }
  };
  s.on("board:rows", (msg: { rows: Row[] }) => {
    messages++;
    note(msg.rows);
  });
  s.on("disconnect", () => disconnects++);
  return new Promise((resolve, reject) => {
    s.once("connect_error", reject);
    s.once("connect", () => {
      const t0 = now();
      s.timeout(30_000).emit("board:watch", {}, (err: Error | null, ack?: { ok: boolean; data?: { rows: Row[] } }) => {
        if (err || !ack?.ok) return reject(err ?? new Error(`board:watch refused: ${JSON.stringify(ack)}`));
        // What the snapshot already shows is not a change to measure.
        for (const r of ack.data?.rows ?? []) {
          mine.set(`c:${r.attemptId}:${r.checksTried}`, -1);
          if (r.successRate !== null) mine.set(`s:${r.attemptId}:${r.successRate}`, -1);
        }
        resolve(now() - t0);
      });
    });
  });
}

async function start(m: Start): Promise<void> {
  const snapshotMs: number[] = [];
  // In batches, as a room full of facilitators opening the page would (not all in one millisecond).
  for (let i = 0; i < m.tokens.length; i += 20) {
    const batch = m.tokens.slice(i, i + 20).map((_, j) => watch(i + j, m));
    snapshotMs.push(...(await Promise.all(batch)));
  }
  process.send!({ type: "watching", snapshotMs });
}

function collect(m: Collect): void {
  const latencies: Record<"c" | "s", number[]> = { c: [], s: [] };
  let missed = 0;
  let superseded = 0;
  // Per attempt, the newest version sent of each kind: older ones may be folded into a newer row (not lost).
  const newest = new Map<string, number>();
  for (const [key, t] of Object.entries(m.sent)) {
    const at = key.lastIndexOf(":");
    const base = key.slice(0, at);
    if ((newest.get(base) ?? -Infinity) < t) newest.set(base, t);
  }
  for (const mine of seen) {
    for (const [key, sentAt] of Object.entries(m.sent)) {
      const got = mine.get(key);
      if (got === -1) continue;
      if (got === undefined) {
        const base = key.slice(0, key.lastIndexOf(":"));
        if (newest.get(base) === sentAt) missed++;
        else superseded++;
        continue;
      }
      latencies[key.startsWith("c:") ? "c" : "s"].push(got - sentAt);
    }
  }
  process.send!({ type: "result", latencies, missed, superseded, messages, rowsReceived, disconnects });
  for (const s of sockets) s.disconnect();
  setTimeout(() => process.exit(0), 200);
}

process.on("message", (m: Start | Collect) => {
  if (m.type === "start")
    start(m).catch((err: unknown) => {
      process.send!({ type: "error", message: err instanceof Error ? err.message : String(err) });
    });
  else collect(m);
});
